"""The office's approval chain in the admin (Disclosure → Approval chain): the chain in force with
who takes each step, the announcements' presets, proposing a chain and the director confirming it.

The chain is the office's policy, as its announcement sets it: a web administrator
(``add_approvalchain``) proposes one, with its reason, and it is in force once the office's
director confirms it (``approval.chains``). Every screen is about the office the user acts for.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail_disclosure.approval import chains
from wagtail_disclosure.forms.approval import ChainPresetForm, ChainStepsForm
from wagtail_disclosure.links import admin_url
from wagtail_disclosure.mail import send_notification
from wagtail_disclosure.models import ApprovalChain, Person
from wagtail_disclosure.models.offices import acting_office, for_office
from wagtail_disclosure.views import permissions

INDEX = "wagtail_disclosure_admin:approval_chain"


def _office(request):
    site = acting_office(request)
    if not permissions.approval_chain.for_office(site).user_has_permission(request.user, "view"):
        raise PermissionDenied
    return site


def _preset_choices():
    return [(p.slug, f"{p.name} ({p.source})") for p in chains.presets().values()]


def _forms(request, site, shown):
    data = request.POST if request.method == "POST" else None
    found = chains.preset_of(shown)
    preset_form = ChainPresetForm(
        data if data and "propose-preset" in data else None,
        presets=_preset_choices(),
        prefix="preset",
        initial={"preset": found.slug if found else None},
    )
    steps_form = ChainStepsForm(
        data if data and "propose-steps" in data else None,
        first_steps=ApprovalChain.FirstStep.choices,
        publications=ApprovalChain.Publication.choices,
        prefix="steps",
        initial=dict(zip(chains.SETTINGS, shown.settings(), strict=True)),
    )
    return preset_form, steps_form


def _settings_of(form):
    if isinstance(form, ChainPresetForm):
        slug = form.cleaned_data["preset"]
        return slug, chains.preset(slug).as_dict()
    return "", {key: form.cleaned_data[key] for key in chains.SETTINGS}


def chain_index(request):
    """The chain in force, the one proposed, the history; the forms to propose another."""
    site = _office(request)
    current = chains.in_force(site)
    shown = current or chains.default_chain(site)
    may_propose = chains.may_propose(request.user, site)
    preset_form, steps_form = _forms(request, site, shown)
    if request.method == "POST":
        if not may_propose:
            raise PermissionDenied
        form = preset_form if preset_form.is_bound else steps_form
        if form.is_valid():
            slug, settings = _settings_of(form)
            try:
                chain = chains.propose(
                    site, request.user, form.cleaned_data["reason"], slug, **settings
                )
            except (chains.ChainError, PermissionDenied) as e:
                messages.error(request, str(e))
            else:
                _tell_confirmers(chain)
                messages.success(
                    request,
                    _(
                        "The approval chain is proposed. It is in force once the director "
                        "confirms it."
                    ),
                )
                return redirect(INDEX)
        else:
            messages.error(request, _("The chain was not proposed: correct the errors below."))
    proposal = chains.pending(site).select_related("requested_by").first()
    return TemplateResponse(
        request,
        "wagtail_disclosure/approval/chain.html",
        {
            "current": current,
            "steps": chains.who_takes(shown),
            "preset": chains.preset_of(shown),
            "proposal": proposal,
            "proposal_steps": chains.who_takes(proposal) if proposal else None,
            "proposal_preset": chains.preset_of(proposal) if proposal else None,
            "may_confirm": proposal is not None and chains.may_confirm(request.user, proposal),
            "may_propose": may_propose,
            "presets": chains.presets().values(),
            "preset_form": preset_form,
            "steps_form": steps_form,
            "history": ApprovalChain.objects.filter(site=site, confirmed_at__isnull=False)
            .select_related("requested_by", "confirmed_by")
            .order_by("-confirmed_at", "-pk"),
        },
    )


def chain_confirm(request, pk):
    """The director confirms a proposed chain: asked first (what changes), done on POST."""
    site = _office(request)
    chain = get_object_or_404(
        for_office(ApprovalChain.objects.all(), site), pk=pk, confirmed_at__isnull=True
    )
    if request.method == "POST":
        try:
            chains.confirm(chain, request.user)
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect(INDEX)
        waiting = chains.waiting_under(chain).count()
        message = _("The approval chain is confirmed: requests filed from now on go through it.")
        if waiting:
            message += " " + _(
                "%(count)d requests filed before finish under the chain they were filed under."
            ) % {"count": waiting}
        messages.success(request, message)
        _tell_proposer(chain)
        return redirect(INDEX)
    current = chains.in_force(site) or chains.default_chain(site)
    return TemplateResponse(
        request,
        "wagtail_disclosure/approval/chain_confirm.html",
        {
            "chain": chain,
            "preset": chains.preset_of(chain),
            "steps": chains.who_takes(chain),
            "current_steps": chains.who_takes(current),
            # Requests filed before: they finish under the chain they were filed under.
            "waiting": chains.waiting_under(chain).count(),
            "may_confirm": chains.may_confirm(request.user, chain),
        },
    )


def _tell_confirmers(chain):
    directors = Person.objects.filter(
        site=chain.site, role=Person.Role.DIRECTOR, active=True, user__isnull=False
    ).exclude(user=chain.requested_by)
    send_notification(
        [p.user.email for p in directors.select_related("user")],
        "approval_chain_proposed",
        {
            "chain": chain,
            "steps": chains.steps(chain),
            "proposer": chain.requested_by.get_full_name() or chain.requested_by.get_username(),
            "url": admin_url("wagtail_disclosure_admin:approval_chain_confirm", chain.pk),
        },
        about=f"approval chain {chain.pk}",
    )


def _tell_proposer(chain):
    if chain.requested_by is None:
        return
    send_notification(
        [chain.requested_by.email],
        "approval_chain_confirmed",
        {
            "chain": chain,
            "steps": chains.steps(chain),
            "confirmer": chain.confirmed_by.get_full_name() or chain.confirmed_by.get_username(),
            "url": admin_url(INDEX),
        },
        about=f"approval chain {chain.pk}",
    )
