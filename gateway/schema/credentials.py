"""Officer credentials: a certification administrator issues one (a signed W3C credential
and its QR code); anyone, without a token, checks one. The check says whether it is
genuine and its status now, never a reason or an ID number."""
from __future__ import annotations

from urllib.parse import quote

import graphene
import segno

from gateway.credential_check import check
from gateway.schema.base import errors_field
from gateway.schema.base import Agency, EnforcementDomain, enum_of, mutation, public_read
from gateway.schema.scalars import DateTime

CredentialStatus = enum_of("CredentialStatus", ["VALID", "SUSPENDED", "REVOKED", "EXPIRED",
                                                "UNKNOWN"],
                           "An officer credential's status now; UNKNOWN when it cannot be "
                           "established (not genuine, or the status lists cannot be read).")


class OfficerCredential(graphene.ObjectType):
    """A signed officer credential (亮证执法): a W3C Verifiable Credential as a compact JWS with a QR
    code, for anyone to check offline or online."""
    officer_id = graphene.ID(required=True,
                             description="The officer it was issued to.")
    token = graphene.String(required=True, description="The credential: a compact JWS "
                            "(ES256, `vc+jwt`) holding a W3C Verifiable Credential.")
    qr_svg = graphene.String(required=True, description="A QR code (SVG) of the public "
                             "verification page's address for this credential.")
    issued_at = DateTime(required=True,
                         description="When it was issued.")
    expires_at = DateTime(required=True,
                          description="When it stops being valid: the certificate's last valid "
                                      "day.")


    @staticmethod
    def resolve_qr_svg(root, info):
        return qr_svg(f"{info.context.config.public_url}/credentials/verify?token="
                      f"{quote(root['token'], safe='')}")


class OfficerCredentialPayload(graphene.ObjectType):
    """The answer of issueOfficerCredential: the credential, or errors."""
    credential = graphene.Field(OfficerCredential,
                                description="The credential issued; null when refused.")
    errors = errors_field()


class CredentialCheck(graphene.ObjectType):
    """The answer to: is this officer credential genuine, and what is its status now? Never a
    reason."""
    genuine = graphene.Boolean(required=True, description="Signed by a key of ours that is "
                               "not compromised.")
    status = graphene.Field(CredentialStatus, required=True,
                            description="The credential's status now, from the signed status "
                                        "lists.")
    issuing_agency = graphene.Field(Agency,
                                    description="The agency that issued it; null when not "
                                                "genuine.")
    domains = graphene.List(graphene.NonNull(EnforcementDomain), required=True,
                            description="The enforcement domains it covers (empty when not "
                                        "genuine).")
    officer_name = graphene.String(description="Masked: the first character only.")
    certificate_no = graphene.String(description="The certificate number it carries; null when "
                                                 "not genuine.")
    checked_at = DateTime(required=True,
                          description="When the check was made.")


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, title="执法证件核验 Credential check")


class Query(graphene.ObjectType):
    verify_officer_credential = graphene.Field(
        CredentialCheck, required=True, token=graphene.String(required=True,
                                                              description="The credential: the "
                                                                          "compact JWS from the "
                                                                          "QR code (at most 8 "
                                                                          "KiB)."),
        description="Anyone, no token needed: is this officer credential genuine, and what "
                    "is its status now?")

    @public_read
    def resolve_verify_officer_credential(root, info, token):
        return check(token, info.context.config, info.context.services)


class Mutation(graphene.ObjectType):
    issue_officer_credential = mutation(
        OfficerCredentialPayload, roles=("certification_admin",), top_level_forbidden=True,
        call=lambda services, who, officer_id: services.certification.issue_credential(
            {"officer_id": officer_id}, who),
        officer_id=graphene.ID(required=True, description="The officer to issue a credential "
                                                          "to; unknown: NOT_FOUND."),
        description="A certification administrator of the officer's agency issues a signed "
                    "credential for the certificate that counts now.")
