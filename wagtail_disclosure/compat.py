"""What differs between the two Wagtail lines the app supports: 7.4 LTS and 8.x.

Offices run the LTS for its long support and upgrade when they can (README, "Installing it in an
office's site"); CI runs the suite on both lines (``.ci/run``). Every branch on Wagtail's version
lives here, so that the rest of the app reads as code for one Wagtail, and dropping 7.4 is the
deletion of this module's fallbacks.
"""

import wagtail

WAGTAIL_8 = wagtail.VERSION >= (8, 0)


def permission_policy_for(model):
    """The permission policy Wagtail uses for ``model``'s admin screens.

    Wagtail 8 looks policies up in ``wagtail.permissions.policy_registry``; 7.4 builds a
    ``ModelPermissionPolicy`` per viewset (as its ModelViewSet does).
    """
    try:
        from wagtail.permissions import policy_registry
    except ImportError:  # Wagtail 7.4
        from wagtail.permission_policies import ModelPermissionPolicy

        return ModelPermissionPolicy(model)
    return policy_registry.get_by_type(model)
