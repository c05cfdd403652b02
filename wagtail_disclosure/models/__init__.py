"""The app's models, one module per concern: the catalogue, the organisation, the page types,
the approval chain's records (``workflow``) and its Wagtail task types (``workflows.tasks``)."""

from ..workflows.tasks import (  # noqa: E402, F401, I001
    DirectorOrderTask,
    GroupDirectorReviewTask,
    PublicationTask,
    RequestMemoTask,
)
from .catalogue import CatalogueEdition, CatalogueItem, CatalogueSection  # noqa: F401
from .channel_pages import (  # noqa: F401
    ChannelStatisticsPage,
    CorruptionComplaintPage,
    FeedbackPage,
    QuestionBoardPage,
    SatisfactionSurveyPage,
)
from .channels import (  # noqa: F401
    ChannelSettings,
    ComplaintEvidence,
    ComplaintStatusChange,
    CorruptionComplaint,
    Feedback,
    Question,
    SurveyResponse,
)
from .checks import CheckOverride, CheckRuleSetting, CheckRun, CheckSettings  # noqa: F401
from .followup import (  # noqa: F401
    CalendarTask,
    Channel,
    ChannelLog,
    DisclosureReports,
    TrackingForm,
)
from .media import DisclosureDocument, DisclosureImage, DisclosureRendition, Licence  # noqa: F401
from .organisation import OfficeProfile, Person, WorkGroup  # noqa: F401
from .pages import (  # noqa: F401
    ContactPage,
    DisclosurePage,
    DocumentAttachment,
    DocumentPage,
    ExecutiveProfile,
    ExecutiveProfilesPage,
    IndicatorPage,
    NewsPage,
    NewsPhoto,
    PageSource,
    ProcurementRow,
    ProcurementSummaryPage,
    TransparencyHubPage,
)
from .workflow import ChainDecision, Delegation, EmergencyPublication, RequestMemo  # noqa: F401, E402
