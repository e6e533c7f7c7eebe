package nl.ketenzicht.shared.problem;

/**
 * Every message code the API can put in a problem document, for the problem itself and for each
 * field error. A client renders the code with its {@code params} in the user's language from the
 * bundle key {@link #bundleKey()}; the English {@code detail}/{@code message} beside it is for logs
 * and for clients that know no code. Refused chain rules use their rule name as code.
 * Being an enum makes the set closed: {@code MessageCodeTextsTest} checks each has both texts.
 */
public enum MessageCode {
    // Problems as a whole, by status
    INVALID_REQUEST("request.invalid"),
    MALFORMED_JSON("request.malformedJson"),
    UNAUTHORIZED("auth.unauthorized"),
    LOGIN_INVALID("auth.loginInvalid"),
    SECOND_FACTOR_INVALID("auth.secondFactorInvalid"),
    SECOND_FACTOR_EXISTS("auth.secondFactorExists"),
    TOO_MANY_LOGINS("auth.throttled"),
    OIDC_NO_PROVIDER("oidc.noProvider"),
    OIDC_STATE_INVALID("oidc.stateInvalid"),
    OIDC_STATE_REPLAYED("oidc.stateReplayed"),
    OIDC_PROVIDER_ERROR("oidc.providerError"),
    OIDC_PROVIDER_UNAVAILABLE("oidc.providerUnavailable"),
    OIDC_WRONG_ISSUER("oidc.wrongIssuer"),
    OIDC_WRONG_AUDIENCE("oidc.wrongAudience"),
    OIDC_EXPIRED("oidc.expired"),
    OIDC_NONCE("oidc.nonce"),
    OIDC_SIGNATURE("oidc.signature"),
    OIDC_NOT_MEMBER("oidc.notMember"),
    OIDC_NO_ROLE("oidc.noRole"),
    OIDC_MFA_REQUIRED("oidc.mfaRequired"),
    OIDC_NOT_REGISTERED("oidc.notRegistered"),
    OIDC_USER_DISABLED("oidc.userDisabled"),
    FORBIDDEN_ROLE("forbidden.role"),
    FORBIDDEN_CSRF("forbidden.csrf"),
    FORBIDDEN_NO_RECORD_ACCESS("forbidden.noRecordAccess"),
    FORBIDDEN_READ_ONLY("forbidden.readOnly"),
    FORBIDDEN_SHARE_NOT_OWNER("forbidden.shareNotOwner"),
    FORBIDDEN_INDICATOR_NATIONAL("forbidden.indicatorNational"),
    FORBIDDEN_TARGET_OWN_UNIT("forbidden.targetOwnUnit"),
    FORBIDDEN_REGION_NOT_YOURS("forbidden.regionNotYours"),
    FORBIDDEN_ORGANISATION_NOT_YOURS("forbidden.organisationNotYours"),
    FORBIDDEN_BREAK_GLASS_ROLE("forbidden.breakGlassRole"),
    FORBIDDEN_BREAK_GLASS_REASON("forbidden.breakGlassReason"),
    FORBIDDEN_SHARE_SCOPE("forbidden.shareScope"),
    FORBIDDEN_OTHERS_CHAIN_STEP("forbidden.othersChainStep"),
    FORBIDDEN_SELF_ADMINISTRATION("forbidden.selfAdministration"),
    FORBIDDEN_PILOT_OTHER_UNITS("forbidden.pilotOtherUnits"),
    TOKEN_NOT_PENDING("conflict.tokenNotPending"),
    NOT_FOUND("notFound"),
    NO_SUCH_ADDRESS("notFound.address"),
    METHOD_NOT_ALLOWED("http.methodNotAllowed"),
    UNSUPPORTED_MEDIA_TYPE("http.unsupportedMediaType"),
    HTTP_STATUS("http.status"),
    MALFORMED_PATH("http.malformedPath"),
    VERSION_REQUIRED("version.required"),
    VERSION_STALE("version.stale"),
    CONFLICT_LOCKED("conflict.locked"),
    CONFLICT_EXISTING_DATA("conflict.existingData"),
    IDEMPOTENCY_KEY_FORMAT("idempotency.keyFormat"),
    IDEMPOTENCY_KEY_IN_USE("idempotency.keyInUse"),
    IDEMPOTENCY_KEY_REUSED("idempotency.keyReused"),
    UNAVAILABLE_DATABASE("unavailable.database"),
    UNAVAILABLE_AUDIT_LOG("unavailable.auditLog"),
    UNAVAILABLE_DATABASE_BUSY("unavailable.databaseBusy"),
    UNAVAILABLE_SERVER_BUSY("unavailable.serverBusy"),
    UNAVAILABLE_LINKAGE("unavailable.linkage"),
    INTERNAL_ERROR("internal"),

    // Bean Validation constraints, by type and attributes (ConstraintCodes)
    REQUIRED("validation.required"),
    MIN("validation.min"),
    MAX("validation.max"),
    POSITIVE("validation.positive"),
    NEGATIVE("validation.negative"),
    NEGATIVE_OR_ZERO("validation.negativeOrZero"),
    LENGTH_BETWEEN("validation.lengthBetween"),
    LENGTH_MIN("validation.lengthMin"),
    LENGTH_MAX("validation.lengthMax"),
    COUNT_BETWEEN("validation.countBetween"),
    COUNT_MIN("validation.countMin"),
    COUNT_MAX("validation.countMax"),
    PATTERN("validation.pattern"),
    PATTERN_MUNICIPALITY("validation.pattern.municipality"),
    PATTERN_ORGANISATION_CODE("validation.pattern.organisationCode"),
    PATTERN_USERNAME("validation.pattern.username"),
    PATTERN_SIX_DIGITS("validation.pattern.sixDigits"),
    PATTERN_POLICE_UNIT("validation.pattern.policeUnit"),
    PATTERN_SHA256("validation.pattern.sha256"),
    PATTERN_SECRET_NAME("validation.pattern.secretName"),
    PATTERN_DOMAIN("validation.pattern.domain"),
    EMAIL("validation.email"),
    PAST("validation.past"),
    NOT_IN_FUTURE("validation.notInFuture"),
    FUTURE("validation.future"),
    FUTURE_OR_PRESENT("validation.futureOrPresent"),
    INVALID_VALUE("validation.invalid"),

    // Malformed JSON bodies (JsonProblemMapper)
    UNKNOWN_FIELD("json.unknownField"),
    VALUE_NOT_ALLOWED("json.valueNotAllowed"),
    EXPECTED_TEXT("json.expectedText"),
    EXPECTED_NUMBER("json.expectedNumber"),
    EXPECTED_BOOLEAN("json.expectedBoolean"),
    EXPECTED_DATE("json.expectedDate"),
    EXPECTED_LIST("json.expectedList"),
    EXPECTED_OBJECT("json.expectedObject"),
    UNREADABLE_VALUE("json.unreadable"),

    // The services' own checks (Checks and friends)
    DATE_BEFORE_1900("check.dateBefore1900"),
    DATE_IN_FUTURE("check.dateInFuture"),
    YEAR_IN_FUTURE("check.yearInFuture"),
    NOT_BEFORE_FIELD("check.notBeforeField"),
    UNKNOWN_CODE("check.unknownCode"),
    UNKNOWN_MUNICIPALITY("check.unknownMunicipality"),
    UNKNOWN_ORGANISATION("check.unknownOrganisation"),
    UNKNOWN_POLICE_UNIT("check.unknownPoliceUnit"),
    SIGNALLER_REQUIRED("check.signallerRequired"),
    LINK_OWN_VICTIMS("check.linkOwnVictims"),
    PARTY_KIND_MISMATCH("check.partyKindMismatch"),
    REGISTRATION_BEFORE_BIRTH("check.registrationBeforeBirth"),
    NAME_NEEDS_LETTER("check.nameNeedsLetter"),
    SORT_UNKNOWN("check.sortUnknown"),
    SHARE_PARTNER("check.sharePartner"),
    SHARE_EXPIRY("check.shareExpiry"),
    TOKEN_HASH_IN_USE("check.tokenHashInUse"),
    ORGANISATION_CODE_TAKEN("check.organisationCodeTaken"),
    USERNAME_TAKEN("check.usernameTaken"),
    PASSWORD_TOO_SHORT("check.passwordTooShort"),
    YEAR_RANGE("check.yearRange"),
    OIDC_ISSUER_URL("check.oidcIssuerUrl"),
    OIDC_MEMBERSHIP("check.oidcMembership"),
    OIDC_CLAIM_PAIR("check.oidcClaimPair"),
    OIDC_ROLE_MAPPING("check.oidcRoleMapping"),
    OIDC_SECRET_MISSING("check.oidcSecretMissing"),
    YEAR_TOO_FAR_AHEAD("check.yearTooFarAhead"),
    FTE_DECIMALS("check.fteDecimals"),
    DUPLICATE_VALUE("check.duplicateValue"),
    PILOT_NAME_TAKEN("check.pilotNameTaken"),
    PILOT_NOT_IN_UNIT("check.pilotNotInUnit"),

    // Report and dark-number parameters
    REPORT_PARAMETER_UNKNOWN("report.parameterUnknown"),
    PARAMETER_REPEATED("report.parameterRepeated"),
    PERIOD_ONE_ONLY("report.periodOneOnly"),
    PERIOD_YEAR_FORMAT("report.yearFormat"),
    PERIOD_QUARTER_FORMAT("report.quarterFormat"),
    PERIOD_RANGE_REVERSED("report.rangeReversed"),
    PERIOD_INCOMPLETE("report.periodIncomplete"),
    PERIOD_WHOLE_QUARTERS("report.periodWholeQuarters"),
    PERIOD_TOO_LONG("report.periodTooLong"),
    LEVEL_UNKNOWN("report.levelUnknown"),
    VALUE_NOT_IN_LIST("report.valueNotInList"),
    UNIT_ONLY_WITH_MUNICIPALITY("report.unitOnlyWithMunicipality"),
    UNIT_REQUIRED("report.unitRequired"),
    MSE_LIST_COUNT("mse.listCount"),
    MSE_LIST_OVERLAPS("mse.listOverlaps"),
    MSE_LIST_UNKNOWN("mse.listUnknown"),
    MSE_LIST_ORGANISATION_FORMAT("mse.listOrganisationFormat"),
    MSE_TERMS_INVALID("mse.termsInvalid"),
    MSE_REGION_UNKNOWN("mse.regionUnknown"),
    MSE_TOO_FEW_OBSERVED("mse.tooFewObserved"),
    MSE_NOT_FINITE("mse.notFinite"),
    MSE_NOT_IDENTIFIABLE("mse.notIdentifiable"),
    MSE_NOT_FINITE_NOR_IDENTIFIABLE("mse.notFiniteNorIdentifiable"),
    MSE_FIT_DID_NOT_CONVERGE("mse.fitDidNotConverge"),

    // Uploaded capture-history CSV files (CaptureTableCsv)
    UPLOAD_EMPTY_BODY("upload.emptyBody"),
    UPLOAD_UNREADABLE("upload.unreadable"),
    UPLOAD_EMPTY_FILE("upload.emptyFile"),
    UPLOAD_NO_ROWS("upload.noRows"),
    UPLOAD_LAST_COLUMN_COUNT("upload.lastColumnCount"),
    UPLOAD_TOO_FEW_LISTS("upload.tooFewLists"),
    UPLOAD_TOO_MANY_LISTS("upload.tooManyLists"),
    UPLOAD_LIST_NAME("upload.listName"),
    UPLOAD_COLUMN_COUNT("upload.columnCount"),
    UPLOAD_NOT_ZERO_ONE("upload.notZeroOne"),
    UPLOAD_ALL_ZERO_ROW("upload.allZeroRow"),
    UPLOAD_DUPLICATE_HISTORY("upload.duplicateHistory"),
    UPLOAD_COUNT_NOT_INTEGER("upload.countNotInteger"),
    UPLOAD_COUNT_NEGATIVE("upload.countNegative"),

    // Uploaded context CSV files (ContextCsv)
    UPLOAD_NO_HEADER("upload.noHeader"),
    UPLOAD_NO_DATA_ROWS("upload.noDataRows"),
    UPLOAD_NOT_UTF8("upload.notUtf8"),
    UPLOAD_COLUMN_MISSING("upload.columnMissing"),
    UPLOAD_COLUMN_UNKNOWN("upload.columnUnknown"),
    UPLOAD_DUPLICATE_ROW("upload.duplicateRow"),
    UPLOAD_TOO_MANY_ROWS("upload.tooManyRows"),

    // Bulk import of partners' files (nl.ketenzicht.imports)
    IMPORT_FILE_EMPTY("import.fileEmpty"),
    IMPORT_FILE_TYPE("import.fileType"),
    IMPORT_FILE_UNREADABLE("import.fileUnreadable"),
    IMPORT_FILE_TOO_LARGE("import.fileTooLarge"),
    IMPORT_TOO_MANY_ROWS("import.tooManyRows"),
    IMPORT_NO_DATA_ROWS("import.noDataRows"),
    IMPORT_COLUMN_UNKNOWN("import.columnUnknown"),
    IMPORT_COLUMN_DUPLICATE("import.columnDuplicate"),
    IMPORT_COLUMN_MISSING("import.columnMissing"),
    IMPORT_FORMULA("import.formula"),
    IMPORT_XLSX_EXPANDS("import.xlsxExpands"),
    IMPORT_XLSX_TOO_MANY_ENTRIES("import.xlsxTooManyEntries"),
    IMPORT_ROW_TOO_WIDE("import.rowTooWide"),
    IMPORT_KIND_UNKNOWN("import.kindUnknown"),
    IMPORT_COLUMN_NOT_FOR_KIND("import.columnNotForKind"),
    IMPORT_CASE_UNKNOWN("import.caseUnknown"),
    IMPORT_CASE_ID_OTHER("import.caseIdOther"),
    IMPORT_PARTY_UNKNOWN("import.partyUnknown"),
    IMPORT_STEP_CHANGED("import.stepChanged"),
    IMPORT_CASE_ROWS_APART("import.caseRowsApart"),
    IMPORT_DUPLICATE_REFERENCE("import.duplicateReference"),
    IMPORT_DEPENDS_ON_REFUSED("import.dependsOnRefused"),
    IMPORT_UNIT_REFUSED("import.unitRefused"),
    IMPORT_ROW_FAILED("import.rowFailed"),
    IMPORT_JOB_STATE("import.jobState"),
    IMPORT_ATOMIC_TOO_LARGE("import.atomicTooLarge"),
    IMPORT_INTERRUPTED("import.interrupted"),
    IMPORT_FAILED("import.failed"),
    IMPORT_NOTHING_APPLIED("import.nothingApplied"),
    IMPORT_BUSY("import.busy"),

    // Rules of the chain and of the other entities (code = rule)
    CASE_OPENED_AFTER_CLOSED,
    CASE_ALREADY_CLOSED,
    CASE_CLOSED_BEFORE_OPENED,
    CASE_NOT_CLOSED,
    SIGNAL_NEEDS_SIGNALLER,
    BIRTH_MONTH_NEEDS_YEAR,
    EXPLOITATION_BEFORE_BIRTH,
    /** A family: the rule is AANGIFTE_{type}_NOT_FROM_{status}; params type and status. */
    AANGIFTE_STEP_NOT_ALLOWED,
    AANGIFTE_DATE_BEFORE_PREVIOUS,
    DECLINED_NEEDS_REASON,
    CARE_STARTED_BEFORE_REFERRAL,
    CARE_ENDED_WITHOUT_START,
    CARE_ENDED_BEFORE_START,
    RUNAWAY_REPORTED_BEFORE_MISSING,
    RUNAWAY_FOUND_BEFORE_MISSING,
    CHAIN_DATE_BEFORE_PREVIOUS,
    CHAIN_DELETE_NOT_LAST,
    /** A family: the rule is {stage}_ONCE; param stage. */
    STAGE_ONCE,
    SENTENCE_EMPTY,
    /** Families: {DECISION|VERDICT|SENTENCE}_REQUIRED and _NOT_FOR_STAGE; param field. */
    STAGE_FIELD_REQUIRED,
    STAGE_FIELD_NOT_FOR_STAGE,
    OM_INFLOW_NEEDS_IN_VIEW,
    DECISION_NEEDS_OM_INFLOW,
    VERDICT_NEEDS_OM_INFLOW,
    VERDICT_NEEDS_SUMMONS,
    SENTENCE_NEEDS_CONVICTION,
    APPEAL_NEEDS_VERDICT,
    FINAL_NEEDS_OUTCOME,
    ARTICLE_UNKNOWN,
    ARTICLE_NOT_IN_FORCE;

    private final String code;

    MessageCode(String code) {
        this.code = code;
    }

    /** A rule of the domain: its name is its code. */
    MessageCode() {
        this.code = null;
    }

    public String code() {
        return code == null ? name() : code;
    }

    /** The key of this code's text in the bundles i18n/messages_{nl,en}. */
    public String bundleKey() {
        return "problem." + code();
    }

    public boolean isRule() {
        return code == null;
    }
}
