from django.contrib import admin

from lokalkontakt.core.models import FocusArea, OutgoingEmail


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "name"]
    search_fields = ["name", "description"]


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "status", "attempts"]
    list_filter = ["status"]
    readonly_fields = ["to", "subject", "body", "reply_to", "status", "attempts", "last_error",
                       "claimed_at", "sent_at", "resent_at", "resent_by"]

    def has_add_permission(self, request):
        return False
