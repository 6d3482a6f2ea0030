from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from .translation_status import State


class DashboardFilterForm(forms.Form):
    locale = forms.ChoiceField(label=_("Language"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("Any state"))] + [(s.value, s.label) for s in State if s != State.ORIGINAL],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].choices = [("", _("All languages")), *settings.LANGUAGES]


class ScheduleAllForm(forms.Form):
    go_live_at = forms.DateTimeField(
        label=_("Publish every language at"), widget=AdminDateTimeInput
    )

    def clean_go_live_at(self):
        value = self.cleaned_data["go_live_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return value
