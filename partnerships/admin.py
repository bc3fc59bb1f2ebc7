"""Platform administration: platform staff create partnerships and their first business manager."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages

from . import services
from .models import Agency, Organisation, PartnerBody, Partnership


class PartnershipCreateForm(forms.ModelForm):
    manager_name = forms.CharField(label="First business manager: full name", max_length=150)
    manager_email = forms.EmailField(label="First business manager: email address")

    class Meta:
        model = Partnership
        fields = ["name", "slug", "region", "coterminous", "merged_with_adult_board"]


class PartnerBodyInline(admin.TabularInline):
    model = PartnerBody
    extra = 0


class AgencyInline(admin.TabularInline):
    model = Agency
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "region", "created_at")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PartnerBodyInline, AgencyInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = PartnershipCreateForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_inlines(self, request, obj):  # noqa: ARG002 (Django admin's signature)
        return self.inlines if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        partnership, invitation = services.partnership_create(
            name=obj.name,
            slug=obj.slug,
            region=obj.region,
            coterminous=obj.coterminous,
            merged_with_adult_board=obj.merged_with_adult_board,
            manager_email=form.cleaned_data["manager_email"],
            manager_name=form.cleaned_data["manager_name"],
            actor=request.user,
            base_url=request.build_absolute_uri("/")[:-1],
        )
        obj.pk = partnership.pk
        obj._state.adding = False
        messages.info(request, f"Invitation emailed to {invitation.email}.")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Police forces and ICBs that sit on several partnerships (see Organisation)."""

    list_display = ("name", "kind")
    list_filter = ("kind",)
    search_fields = ("name",)
