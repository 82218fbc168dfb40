package org.gridledger.domain.error;

/**
 * The stable catalogue of error codes. A code, once published, keeps its name and meaning; clients may switch on it.
 * New codes are added at the end of their group.
 */
public enum ErrorCode {
    // request shape
    MALFORMED_REQUEST(ErrorKind.MALFORMED, "The request body or parameters could not be read."),
    INVALID_VALUE(ErrorKind.MALFORMED, "A value has the wrong type or is not one of the allowed values."),
    VALIDATION_FAILED(ErrorKind.MALFORMED, "One or more fields are missing or invalid."),
    UNSUPPORTED_MEDIA_TYPE(ErrorKind.MALFORMED, "The request's content type is not supported here."),
    METHOD_NOT_ALLOWED(ErrorKind.MALFORMED, "The method is not supported by this resource."),
    PAYLOAD_TOO_LARGE(ErrorKind.TOO_LARGE, "The request body exceeds the size limit."),

    // security
    AUTHENTICATION_REQUIRED(ErrorKind.UNAUTHENTICATED, "Authentication is required."),
    ACCESS_DENIED(ErrorKind.FORBIDDEN, "The authenticated principal may not do this."),
    OUT_OF_SCOPE(ErrorKind.FORBIDDEN, "The resource lies outside the principal's scope."),
    ACCOUNT_EXISTS(ErrorKind.CONFLICT, "An account with this username exists."),
    ACCOUNT_NOT_FOUND(ErrorKind.NOT_FOUND, "No such account."),
    TOKEN_NOT_FOUND(ErrorKind.NOT_FOUND, "No such API token."),
    TOKEN_ROLE_NOT_HELD(ErrorKind.RULE_VIOLATED, "A token may only carry roles its account holds."),
    TOKEN_EXPIRY_INVALID(ErrorKind.RULE_VIOLATED, "A token's expiry must lie in the future and within the maximum lifetime."),
    WEAK_PASSWORD(ErrorKind.RULE_VIOLATED, "The password is too short or too common."),
    ACCOUNT_LACKS_ROLE(ErrorKind.RULE_VIOLATED, "The account does not hold the role this needs."),

    // generic
    NOT_FOUND(ErrorKind.NOT_FOUND, "The resource does not exist."),
    CONCURRENT_MODIFICATION(ErrorKind.CONFLICT, "The resource was changed concurrently; retry with fresh data."),
    DUPLICATE(ErrorKind.CONFLICT, "The resource exists already."),
    CURRENCY_MISMATCH(ErrorKind.RULE_VIOLATED, "Amounts in different currencies cannot be combined."),
    NEGATIVE_AMOUNT(ErrorKind.RULE_VIOLATED, "An amount that must not be negative is negative."),
    INVALID_PERIOD(ErrorKind.RULE_VIOLATED, "A period ends before it starts."),

    // portfolio: support packages
    PACKAGE_NOT_FOUND(ErrorKind.NOT_FOUND, "No such support package."),
    PACKAGE_EXISTS(ErrorKind.CONFLICT, "A support package with this id or name exists."),
    PACKAGE_RETIRED(ErrorKind.RULE_VIOLATED, "A retired support package cannot be changed."),
    PACKAGE_NOT_DRAFT(ErrorKind.RULE_VIOLATED, "Only a draft support package can be published."),
    PACKAGE_NOT_PUBLISHED(ErrorKind.RULE_VIOLATED, "Only a published support package can be retired."),
    PACKAGE_HAS_NO_TERMS(ErrorKind.RULE_VIOLATED, "A support package needs terms before it is published."),
    TERMS_BEFORE_PACKAGE(ErrorKind.RULE_VIOLATED, "Terms cannot take effect before the package exists."),
    TERMS_CHANGE_PAST(ErrorKind.RULE_VIOLATED, "A terms revision cannot take effect in the past or before terms already in force."),
    TERMS_INVALID(ErrorKind.RULE_VIOLATED, "The terms are inconsistent (currency, units or SLA targets)."),

    // portfolio: communities
    COMMUNITY_NOT_FOUND(ErrorKind.NOT_FOUND, "No such community."),
    COMMUNITY_NAME_TAKEN(ErrorKind.CONFLICT, "A community with this name exists."),
    COMMUNITY_EXISTS(ErrorKind.CONFLICT, "A community with this id exists."),
    COMMUNITY_SUSPENDED(ErrorKind.RULE_VIOLATED, "The community is suspended."),
    COMMUNITY_NOT_SUSPENDED(ErrorKind.RULE_VIOLATED, "The community is not suspended."),
    COMMUNITY_ADMIN_NOT_ASSIGNED(ErrorKind.RULE_VIOLATED, "The account is not an administrator of this community."),
    PROFILE_INVALID(ErrorKind.RULE_VIOLATED, "The community profile is inconsistent."),

    // portfolio: subscriptions
    SUBSCRIPTION_NOT_FOUND(ErrorKind.NOT_FOUND, "No such subscription."),
    SUBSCRIPTION_OVERLAPS(ErrorKind.CONFLICT, "The community holds a subscription to this package for an overlapping period."),
    SUBSCRIPTION_CANCELLED(ErrorKind.RULE_VIOLATED, "The subscription is cancelled already."),
    SEATS_INVALID(ErrorKind.RULE_VIOLATED, "A subscription needs at least one seat."),
    SUBSCRIPTION_BEFORE_TERMS(ErrorKind.RULE_VIOLATED, "A subscription cannot start before the package's first terms take effect."),
    PACKAGE_NOT_SUBSCRIBABLE(ErrorKind.RULE_VIOLATED, "Only a published support package can be subscribed to."),
    SUBSCRIPTION_DATE_INVALID(ErrorKind.RULE_VIOLATED, "The date lies in the past or outside the subscription's validity."),

    // portfolio: providers
    PROVIDER_NOT_FOUND(ErrorKind.NOT_FOUND, "No such provider."),
    PROVIDER_NAME_TAKEN(ErrorKind.CONFLICT, "A provider with this name exists."),
    PROVIDER_SUSPENDED(ErrorKind.RULE_VIOLATED, "The provider is suspended."),
    PROVIDER_NOT_SUSPENDED(ErrorKind.RULE_VIOLATED, "The provider is not suspended."),
    CERTIFICATION_INVALID(ErrorKind.RULE_VIOLATED, "A certification's validity must end after it begins."),
    CERTIFICATION_NOT_FOUND(ErrorKind.RULE_VIOLATED, "The provider holds no certification of this type."),

    // portfolio: proposals
    PROPOSAL_NOT_FOUND(ErrorKind.NOT_FOUND, "No such portfolio proposal."),
    PROPOSAL_DECIDED(ErrorKind.RULE_VIOLATED, "The proposal has been accepted or rejected already."),
    ENDORSEMENT_DUPLICATE(ErrorKind.CONFLICT, "The community has endorsed this proposal already."),
    OWN_PROPOSAL_ENDORSEMENT(ErrorKind.RULE_VIOLATED, "A community cannot endorse its own proposal."),
    PROPOSAL_INVALID(ErrorKind.RULE_VIOLATED, "The proposal is inconsistent with its kind, or its expected seats are not positive."),

    // portfolio: tenders
    TENDER_NOT_FOUND(ErrorKind.NOT_FOUND, "No such tender."),
    TENDER_LOT_TAKEN(ErrorKind.CONFLICT, "The package's lot is being tendered, or under a contract running beyond the next six months."),
    WEIGHTS_INVALID(ErrorKind.RULE_VIOLATED, "Criteria weights must be whole percentages from 0 to 100 summing to 100."),
    DEADLINE_INVALID(ErrorKind.RULE_VIOLATED, "A tender's deadline must lie in the future."),
    PACKAGE_NOT_TENDERABLE(ErrorKind.RULE_VIOLATED, "Only a published support package can be tendered."),
    DEADLINE_PASSED(ErrorKind.RULE_VIOLATED, "The tender's deadline has passed."),
    DEADLINE_NOT_REACHED(ErrorKind.RULE_VIOLATED, "A tender can be closed only after its deadline."),
    TENDER_CLOSED(ErrorKind.RULE_VIOLATED, "The tender is closed, awarded or cancelled."),
    TENDER_NOT_CLOSED(ErrorKind.RULE_VIOLATED, "The tender must be closed first."),
    PROVIDER_NOT_ELIGIBLE(ErrorKind.RULE_VIOLATED, "The provider is suspended, cannot deliver the package or lacks a required certification."),
    OFFER_INVALID(ErrorKind.RULE_VIOLATED, "The offer or evaluation has a negative price, no capacity or points outside 0–100."),
    OFFER_NOT_FOUND(ErrorKind.RULE_VIOLATED, "The provider made no offer in this tender."),
    AWARD_INVALID(ErrorKind.RULE_VIOLATED, "An award names providers that offered, each once, with a contract term."),
    CONTRACT_NOT_FOUND(ErrorKind.NOT_FOUND, "The provider holds no contract from this tender."),
    CONTRACT_TERMINATED(ErrorKind.RULE_VIOLATED, "The contract is terminated already."),
    TERMINATION_DATE_INVALID(ErrorKind.RULE_VIOLATED, "A termination cannot take effect in the past or outside the contract's term."),
    CONTRACT_OVERLAPS(ErrorKind.RULE_VIOLATED, "The contract term overlaps a contract of the same package and lot; it can start on the day after that contract's last day."),

    // identity: virtual organisations
    VO_NOT_FOUND(ErrorKind.NOT_FOUND, "No such virtual organisation."),
    VO_NAME_TAKEN(ErrorKind.CONFLICT, "A virtual organisation with this name exists."),
    VO_NAME_INVALID(ErrorKind.MALFORMED, "A VO name is 2 to 64 lower-case letters, digits, dots and dashes, starting and ending with a letter or digit."),
    DN_INVALID(ErrorKind.MALFORMED, "A distinguished name must have the slash form /C=DE/O=.../CN=..., with a CN."),
    AUP_VERSION_EXISTS(ErrorKind.CONFLICT, "The VO has published an AUP version with this label."),
    AUP_MISSING(ErrorKind.RULE_VIOLATED, "The VO has published no AUP yet; nobody can join it."),
    AUP_NOT_CURRENT(ErrorKind.RULE_VIOLATED, "Only the VO's current AUP version can be accepted."),
    VO_GROUP_INVALID(ErrorKind.MALFORMED, "A group is a path /vo/sub/... of names of letters, digits, dots, dashes and underscores."),
    VO_GROUP_EXISTS(ErrorKind.CONFLICT, "The VO has this group already."),
    VO_GROUP_PARENT_MISSING(ErrorKind.RULE_VIOLATED, "A group's parent group must exist first."),
    VO_GROUP_NOT_FOUND(ErrorKind.RULE_VIOLATED, "The VO has no such group."),
    VO_ROLE_INVALID(ErrorKind.MALFORMED, "A role is a name of letters, digits, dashes and underscores, and not NULL."),
    VO_ROLE_EXISTS(ErrorKind.CONFLICT, "The VO has this role already."),
    VO_ROLE_NOT_FOUND(ErrorKind.RULE_VIOLATED, "The VO has no such role."),
    VO_ROLE_RESERVED(ErrorKind.FORBIDDEN, "The VO role grants a service role beyond the VO's community (gridledger.identity.vo-role-grants); only staff add and assign it."),
    MEMBERSHIP_NOT_FOUND(ErrorKind.NOT_FOUND, "No such membership in this VO."),
    MEMBERSHIP_SUBJECT_NOT_REQUESTERS(ErrorKind.FORBIDDEN, "The subject DN is another person's: bound to another account, certified by our CA for another account, or not the DN of the requesting certificate."),
    MEMBERSHIP_EXISTS(ErrorKind.CONFLICT, "The DN holds or has requested a membership of this VO already."),
    MEMBERSHIP_DECIDED(ErrorKind.RULE_VIOLATED, "The membership request has been approved or rejected already."),
    MEMBERSHIP_NOT_ACTIVE(ErrorKind.RULE_VIOLATED, "The membership is not approved and in force."),
    MEMBERSHIP_SUSPENDED(ErrorKind.RULE_VIOLATED, "The membership is suspended by an admin already."),
    MEMBERSHIP_NOT_SUSPENDED(ErrorKind.RULE_VIOLATED, "The membership is not suspended by an admin."),
    MEMBERSHIP_NOT_DUE(ErrorKind.RULE_VIOLATED, "The time rule is not due yet for this membership."),
    ASSIGNMENT_NOT_FOUND(ErrorKind.RULE_VIOLATED, "The member holds no such group or role assignment."),
    MEMBERSHIP_EMERGENCY_SUSPENDED(ErrorKind.FORBIDDEN, "The membership was suspended by an emergency suspension of its person; only staff restore it."),
    MEMBERSHIP_SUBJECT_BLOCKED(ErrorKind.RULE_VIOLATED, "The subject DN is blocked by an emergency suspension: no membership is requested or approved for it until staff lift the block."),
    MEMBERSHIP_ISSUER_UNTRUSTED(ErrorKind.RULE_VIOLATED, "The issuer named is not a trusted CA that may sign the subject DN (our CA for our namespace, a trust anchor for its namespaces)."),

    // identity: certificate authority and requests
    CERTIFICATE_REQUEST_NOT_FOUND(ErrorKind.NOT_FOUND, "No such certificate request."),
    CSR_MALFORMED(ErrorKind.MALFORMED, "The body is not one PEM-encoded PKCS#10 certificate signing request."),
    CSR_MULTIPLE(ErrorKind.MALFORMED, "The body holds more than one PEM block; send exactly one CSR."),
    CSR_TOO_LARGE(ErrorKind.TOO_LARGE, "The CSR exceeds 64 KiB."),
    CSR_KEY_COMPROMISED(ErrorKind.RULE_VIOLATED, "The CSR's key belongs to a certificate revoked for key compromise."),
    CSR_SIGNATURE_INVALID(ErrorKind.RULE_VIOLATED, "The CSR's signature does not verify with its own public key."),
    CSR_SIGNATURE_ALGORITHM_WEAK(ErrorKind.RULE_VIOLATED, "The CSR must be signed with SHA-256 or stronger, with RSA or ECDSA."),
    KEY_ALGORITHM_UNSUPPORTED(ErrorKind.RULE_VIOLATED, "Only RSA and EC (P-256, P-384) keys are accepted."),
    RSA_KEY_SIZE_INVALID(ErrorKind.RULE_VIOLATED, "RSA keys must have 2048 to 8192 bits, in whole bytes."),
    RSA_EXPONENT_INVALID(ErrorKind.RULE_VIOLATED, "The RSA public exponent must be odd and at least 65537."),
    RSA_SMALL_FACTOR(ErrorKind.RULE_VIOLATED, "The RSA modulus has a prime factor below 1000."),
    RSA_FERMAT_FACTORABLE(ErrorKind.RULE_VIOLATED, "The RSA modulus is the product of two primes too close to each other."),
    EC_CURVE_UNSUPPORTED(ErrorKind.RULE_VIOLATED, "EC keys must be on P-256 or P-384."),
    EC_POINT_INVALID(ErrorKind.RULE_VIOLATED, "The EC public key is not a valid point on its curve."),
    SUBJECT_OUTSIDE_NAMESPACE(ErrorKind.RULE_VIOLATED, "The subject DN does not lie in the CA's namespace."),
    SUBJECT_DN_TAKEN(ErrorKind.CONFLICT, "The subject DN belongs to another person."),
    CERTIFICATE_REQUEST_DECIDED(ErrorKind.RULE_VIOLATED, "The certificate request has been approved or rejected already."),
    VETTING_MISSING(ErrorKind.RULE_VIOLATED, "The requester's identity must be vetted before approval."),
    VETTING_INVALID(ErrorKind.RULE_VIOLATED, "The vetting needs a method, a document type and a day not in the future."),
    CERTIFICATE_NOT_ISSUED(ErrorKind.RULE_VIOLATED, "No certificate has been issued for this request."),
    CERTIFICATE_REVOKED(ErrorKind.RULE_VIOLATED, "The certificate is revoked already."),
    CERTIFICATE_EXPIRED(ErrorKind.RULE_VIOLATED, "The certificate has expired."),
    RENEWAL_INVALID(ErrorKind.RULE_VIOLATED, "A renewal needs a valid certificate of the same holder and DN and a new key."),
    CERTIFICATE_NOT_FOUND(ErrorKind.NOT_FOUND, "No such certificate."),
    CERTIFICATE_SUBJECT_BOUND(ErrorKind.CONFLICT, "The certificate subject is bound to another account."),
    CERTIFICATE_LOGIN_REFUSED(ErrorKind.UNAUTHENTICATED, "The client certificate is unknown, expired, revoked or not for client authentication."),
    CERTIFICATE_REQUEST_OWN(ErrorKind.FORBIDDEN, "An RA operator may not vet or approve their own request, nor one for a DN bound to or owned by their account."),
    SUBJECT_CHARACTERS_INVALID(ErrorKind.RULE_VIOLATED, "Subject values may hold only PrintableString characters: letters A-Z and a-z, digits, space and '()+,-.:?"),
    REVOCATION_REASON_NOT_ALLOWED(ErrorKind.RULE_VIOLATED, "The revocation reason does not apply to a user certificate or is not one the holder may give."),
    CERTIFICATE_REQUESTER_DISABLED(ErrorKind.RULE_VIOLATED, "The requester's account is disabled; its request is not approved."),
    CERTIFICATE_SUBJECT_BLOCKED(ErrorKind.RULE_VIOLATED, "An emergency suspension blocks the subject DN; staff lift the block first."),

    // accounting: resources and jobs
    RESOURCE_NOT_FOUND(ErrorKind.NOT_FOUND, "No such compute resource."),
    RESOURCE_HOST_TAKEN(ErrorKind.CONFLICT, "A submit host or CE id belongs to another compute resource."),
    RESOURCE_RETIRED(ErrorKind.RULE_VIOLATED, "The compute resource is retired."),
    HS06_DATE_INVALID(ErrorKind.RULE_VIOLATED, "A new HS06 value cannot take effect in the past."),
    HS06_DATE_TAKEN(ErrorKind.CONFLICT, "An HS06 value takes effect on this day already; values are never replaced."),
    HS06_NOT_IN_FORCE(ErrorKind.NOT_FOUND, "No HS06 value of the resource is in force at that time."),
    JOB_NOT_FOUND(ErrorKind.NOT_FOUND, "No such job."),
    JOB_CORES_EXCEED_RESOURCE(ErrorKind.RULE_VIOLATED, "The job asks for more cores than the resource has."),
    JOB_FQAN_NOT_HELD(ErrorKind.RULE_VIOLATED, "The subject does not hold this FQAN in its VO."),
    JOB_SUBJECT_NOT_SUBMITTERS(ErrorKind.FORBIDDEN, "The subject DN is not the submitter's: not its certificate login's, not bound to its account, not certified by our CA at its request."),
    JOB_PLACEMENT_REFUSED(ErrorKind.RULE_VIOLATED, "Medical data may only be processed on a resource or provider certified for it."),
    JOB_EMERGENCY_NOT_GRANTED(ErrorKind.RULE_VIOLATED, "The member's VO role does not grant emergency priority."),
    JOB_TRANSITION_INVALID(ErrorKind.RULE_VIOLATED, "The job cannot move from its state to the reported one."),
    JOB_REPORT_INVALID(ErrorKind.RULE_VIOLATED, "A finished job's start, end, wall and CPU times are missing or do not fit together."),
    SITE_NAME_TAKEN(ErrorKind.CONFLICT, "The APEL site name belongs to another provider's resources."),

    // accounting: usage records
    USAGE_DOCUMENT_MALFORMED(ErrorKind.MALFORMED, "The usage document cannot be read in its declared format."),
    USAGE_IDEMPOTENCY_KEY_REQUIRED(ErrorKind.MALFORMED, "An upload needs an Idempotency-Key header of 1 to 200 visible characters."),
    USAGE_IDEMPOTENCY_KEY_REUSED(ErrorKind.RULE_VIOLATED, "The Idempotency-Key was used before for a different document."),
    USAGE_FORMAT_UNKNOWN(ErrorKind.MALFORMED, "The upload's format cannot be told from its format parameter or content type."),
    USAGE_NOTHING_TO_ASSIGN(ErrorKind.RULE_VIOLATED, "No unattributed usage matches the assignment."),
    USAGE_MONTH_ALREADY_CLOSED(ErrorKind.CONFLICT, "The month is closed for billing already."),

    // support: tickets
    TICKET_NOT_FOUND(ErrorKind.NOT_FOUND, "No such ticket."),
    TICKET_PACKAGE_NOT_SUBSCRIBED(ErrorKind.RULE_VIOLATED, "The community does not subscribe to the package on the ticket's opening day."),
    TICKET_TERMS_MISSING(ErrorKind.RULE_VIOLATED, "The package has no terms in force on the ticket's opening day."),
    TICKET_CLOSED(ErrorKind.RULE_VIOLATED, "The ticket is closed."),
    TICKET_TRANSITION_INVALID(ErrorKind.RULE_VIOLATED, "The ticket's status does not allow this step."),
    TICKET_PROVIDER_WITHOUT_CONTRACT(ErrorKind.RULE_VIOLATED, "The provider holds no contract for the ticket's package."),
    TICKET_LINK_INVALID(ErrorKind.RULE_VIOLATED, "A ticket links to another existing ticket, once per kind."),
    TICKET_EXEMPTED(ErrorKind.RULE_VIOLATED, "The ticket is exempted from service credits already."),

    // finance: tariffs, invoices, ledger
    TARIFF_NOT_FOUND(ErrorKind.NOT_FOUND, "No such tariff."),
    TARIFF_EXISTS(ErrorKind.CONFLICT, "A tariff for this scope, unit and community exists; add a price to it."),
    TARIFF_OVERLAPS(ErrorKind.CONFLICT, "A price of this tariff takes effect on the same day, or an agreement's validity overlaps another."),
    TARIFF_INVALID(ErrorKind.RULE_VIOLATED, "The tariff or price is inconsistent (scope, currency, negative price, validity)."),
    PRICE_NOT_IN_FORCE(ErrorKind.NOT_FOUND, "No tariff price is in force for this scope, unit and community at that time."),
    INVOICE_NOT_FOUND(ErrorKind.NOT_FOUND, "No such invoice."),
    INVOICE_LINE_INVALID(ErrorKind.RULE_VIOLATED, "An invoice line is inconsistent (currency, sign, VAT rate, category)."),
    INVOICE_ISSUED(ErrorKind.RULE_VIOLATED, "The invoice is issued; it cannot be changed or issued again."),
    INVOICE_NOT_ISSUED(ErrorKind.RULE_VIOLATED, "Only an issued invoice takes payments and credit notes."),
    INVOICE_NOT_ISSUABLE(ErrorKind.RULE_VIOLATED, "An invoice needs at least one line and a total that is not negative."),
    INVOICE_PERIOD_TAKEN(ErrorKind.CONFLICT, "A billing run's invoice for this community and period is issued already."),
    CREDIT_NOTE_EXCEEDS_INVOICE(ErrorKind.RULE_VIOLATED, "The credit notes of an invoice cannot exceed its gross total."),
    CREDIT_NOTE_INVALID(ErrorKind.RULE_VIOLATED, "A credit note needs a positive amount, a VAT rate and a reason."),
    PAYMENT_INVALID(ErrorKind.RULE_VIOLATED, "A payment needs a positive amount, a reference and a date not in the future."),
    GRANT_NOT_FOUND(ErrorKind.NOT_FOUND, "No such grant."),
    GRANT_INVALID(ErrorKind.RULE_VIOLATED, "A grant needs a funder, a positive amount and a period that ends after it starts."),

    // reporting: billing runs
    BILLING_RUN_NOT_FOUND(ErrorKind.NOT_FOUND, "No such billing run."),
    BILLING_PERIOD_NOT_ENDED(ErrorKind.RULE_VIOLATED, "A period can be billed only after it has ended."),
    BILLING_RUN_COMPLETED(ErrorKind.CONFLICT, "The issuing run for this period has completed; it is never run twice."),
    BILLING_RUN_IN_PROGRESS(ErrorKind.CONFLICT, "A billing run for this period is in progress."),
    VAT_RATE_INVALID(ErrorKind.RULE_VIOLATED, "A VAT rate lies in [0, 1); a rate of 0 is an exemption and needs its reason."),

    // finance: usage charges, late usage and tariff previews
    TARIFF_PREVIEW_PERIOD_INVALID(ErrorKind.RULE_VIOLATED, "A tariff preview re-rates ended months (UTC): from no later than until, before this month, at most 24 months."),

    // finance: provider settlement
    SETTLEMENT_NOT_FOUND(ErrorKind.NOT_FOUND, "No such provider settlement."),
    SETTLEMENT_PERIOD_NOT_ENDED(ErrorKind.RULE_VIOLATED, "A month can be settled only after it has ended."),
    SETTLEMENT_PERIOD_TAKEN(ErrorKind.CONFLICT, "The provider's settlement of this month is issued already."),
    SETTLEMENT_NOTHING_TO_SETTLE(ErrorKind.RULE_VIOLATED, "The provider had no contract, penalty or cleared usage in the month."),
    SETTLEMENT_LINE_INVALID(ErrorKind.RULE_VIOLATED, "A settlement line is inconsistent (kind, currency, sign, rounding)."),
    SETTLEMENT_REVERSED(ErrorKind.RULE_VIOLATED, "The settlement is reversed; it takes no payments and no second reversal."),
    SETTLEMENT_HAS_PAYMENTS(ErrorKind.RULE_VIOLATED, "A settlement with payments cannot be reversed."),
    SETTLEMENT_PAYMENT_INVALID(ErrorKind.RULE_VIOLATED, "A payment to a provider needs a positive amount, a reference and a date not in the future."),
    SETTLEMENT_PAYMENT_EXCEEDS_OUTSTANDING(ErrorKind.RULE_VIOLATED, "A payment to a provider cannot exceed what the settlement leaves outstanding."),

    // reporting: finance reports
    REPORT_RANGE_REVERSED(ErrorKind.RULE_VIOLATED, "A report's range ends before it starts."),
    REPORT_RANGE_TOO_LONG(ErrorKind.RULE_VIOLATED, "A report's range is longer than the longest range a report covers."),
    PROJECTION_ASSUMPTION_INVALID(ErrorKind.RULE_VIOLATED, "A growth rate, horizon or history length of a funding projection lies outside its bounds."),

    // identity: emergency suspensions
    SUSPENSION_NOT_FOUND(ErrorKind.NOT_FOUND, "No such emergency suspension."),
    SUSPENSION_SUBJECT_MISSING(ErrorKind.RULE_VIOLATED, "An emergency suspension names an account or a certificate subject DN."),
    SUSPENSION_EFFECTS_RECORDED(ErrorKind.CONFLICT, "The suspension's effects are recorded already."),

    // security: login and tokens
    CERTIFICATE_ISSUER_NOT_TRUSTED(ErrorKind.RULE_VIOLATED, "No trusted CA of this name may sign the subject DN: our CA signs our namespace, each trust anchor only its configured namespaces."),
    CERTIFICATE_ISSUER_AMBIGUOUS(ErrorKind.RULE_VIOLATED, "Several trusted CAs may sign the subject DN; name the issuer (issuerDn) the binding is for."),
    SUSPENSION_DN_NOT_BLOCKED(ErrorKind.RULE_VIOLATED, "The suspension blocks no such DN, or staff lifted its block already.");

    private final ErrorKind kind;
    private final String title;

    ErrorCode(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** A short, stable, human-readable summary of the problem type. */
    public String title() {
        return title;
    }

    /** The problem type's slug, e.g. {@code community-name-taken}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
