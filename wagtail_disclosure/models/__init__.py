"""The app's models, one module per concern. This module only re-exports them.

``catalogue`` (editions, sections, items), ``organisation`` (the office, its work groups and
people), ``media`` (images and documents with their rights), ``pages`` (the hub, indicator pages
and the ``DisclosurePage`` base), ``content_pages`` (the content page types), ``approval`` (memos,
decisions, delegations, emergencies) and ``approval_tasks`` (the Wagtail task types of the
approval chain), ``approvers`` (who may take each step), ``compliance`` (check runs, overrides,
settings), ``appointments`` (orders appointing web officers and their committee),
``submissions`` and ``submission_pages`` (questions, complaints, feedback, surveys and
the pages that take them), ``followup`` (publication channel logs, tracking forms, the calendar).
"""

from wagtail_disclosure.models.appointments import Appointment, AppointmentOrder
from wagtail_disclosure.models.approval import (
    ApprovalChain,
    ApprovalDecision,
    Delegation,
    EmergencyPublication,
    RequestMemo,
)
from wagtail_disclosure.models.approval_tasks import (
    AuthorVerificationTask,
    DeputyEndorsementTask,
    DirectorOrderTask,
    GroupDirectorReviewTask,
    PublicationTask,
    RequestMemoTask,
    SubmitterTask,
)
from wagtail_disclosure.models.catalogue import (
    CatalogueEdition,
    CatalogueItem,
    CatalogueSection,
    ItemOverride,
)
from wagtail_disclosure.models.compliance import (
    ComplianceOverride,
    ComplianceRuleSetting,
    ComplianceRun,
    ComplianceSettings,
)
from wagtail_disclosure.models.content_pages import (
    ContactPage,
    DocumentAttachment,
    DocumentPage,
    ExecutiveProfile,
    ExecutiveProfilesPage,
    NewsPage,
    NewsPhoto,
    ProcurementRow,
    ProcurementSummaryPage,
)
from wagtail_disclosure.models.followup import (
    CalendarEntry,
    Channel,
    ChannelLog,
    DisclosureReports,
    TrackingForm,
)
from wagtail_disclosure.models.media import (
    DocumentRights,
    DocumentText,
    ImageRights,
    Licence,
    rights_of,
    save_rights,
    store_text,
    text_of,
)
from wagtail_disclosure.models.organisation import Agency, OfficeProfile, Person, WorkGroup
from wagtail_disclosure.models.pages import (
    DisclosurePage,
    IndicatorPage,
    PageSource,
    TransparencyHubPage,
)
from wagtail_disclosure.models.submission_pages import (
    CHANNEL_PAGES,
    CorruptionComplaintPage,
    FeedbackPage,
    QuestionBoardPage,
    SatisfactionSurveyPage,
    SubmissionStatisticsPage,
)
from wagtail_disclosure.models.submissions import (
    ComplaintEvidence,
    ComplaintStatusChange,
    CorruptionComplaint,
    Feedback,
    OnlinePresence,
    Question,
    SurveyResponse,
)

__all__ = [
    "ApprovalChain",
    "CHANNEL_PAGES",
    "Appointment",
    "AppointmentOrder",
    "ApprovalDecision",
    "AuthorVerificationTask",
    "DeputyEndorsementTask",
    "CalendarEntry",
    "CatalogueEdition",
    "CatalogueItem",
    "CatalogueSection",
    "ItemOverride",
    "Channel",
    "ChannelLog",
    "ComplaintEvidence",
    "ComplaintStatusChange",
    "ComplianceOverride",
    "ComplianceRuleSetting",
    "ComplianceRun",
    "ComplianceSettings",
    "ContactPage",
    "CorruptionComplaint",
    "CorruptionComplaintPage",
    "Delegation",
    "DirectorOrderTask",
    "DisclosurePage",
    "DisclosureReports",
    "DocumentAttachment",
    "DocumentPage",
    "DocumentRights",
    "DocumentText",
    "EmergencyPublication",
    "ExecutiveProfile",
    "ExecutiveProfilesPage",
    "Feedback",
    "FeedbackPage",
    "GroupDirectorReviewTask",
    "ImageRights",
    "IndicatorPage",
    "Licence",
    "NewsPage",
    "NewsPhoto",
    "Agency",
    "OfficeProfile",
    "OnlinePresence",
    "PageSource",
    "Person",
    "ProcurementRow",
    "ProcurementSummaryPage",
    "PublicationTask",
    "Question",
    "QuestionBoardPage",
    "RequestMemo",
    "RequestMemoTask",
    "SatisfactionSurveyPage",
    "SubmissionStatisticsPage",
    "SubmitterTask",
    "SurveyResponse",
    "TrackingForm",
    "TransparencyHubPage",
    "WorkGroup",
    "rights_of",
    "save_rights",
    "store_text",
    "text_of",
]
