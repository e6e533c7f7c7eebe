package nl.ketenzicht.imports;

import static nl.ketenzicht.imports.RecordKind.AANGIFTE;
import static nl.ketenzicht.imports.RecordKind.CAPACITY;
import static nl.ketenzicht.imports.RecordKind.CASE;
import static nl.ketenzicht.imports.RecordKind.CHAIN_EVENT;
import static nl.ketenzicht.imports.RecordKind.CLIENT;
import static nl.ketenzicht.imports.RecordKind.PRIORITY;
import static nl.ketenzicht.imports.RecordKind.REFERRAL;
import static nl.ketenzicht.imports.RecordKind.REGISTRATION;
import static nl.ketenzicht.imports.RecordKind.RUNAWAY;
import static nl.ketenzicht.imports.RecordKind.SUSPECT;
import static nl.ketenzicht.imports.RecordKind.VICTIM;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns of the case-file template: a Dutch header, its English alias, the kinds of row it
 * applies to, and the field of the API request it fills (so that the API's field errors land on the
 * partner's column). Values are the API's own: codes of the code lists, enum names, ISO dates.
 */
public enum ImportColumn {
    KIND(
            "soort",
            "kind",
            null,
            allKinds(),
            "Soort regel: een code uit lijst SOORT (de Nederlandse of de Engelse naam)",
            "Kind of row: a code of list SOORT (its Dutch or its English name)"),
    CASE_REF(
            "zaak_referentie",
            "case_reference",
            "caseId",
            referenced(),
            "Uw eigen kenmerk van de zaak; regels van één zaak staan bij elkaar (bij een registratie: optioneel, een zaak die u eerder importeerde)",
            "Your own reference of the case; rows of one case stand together (on a registration: optional, a case you imported before)"),
    REFERENCE(
            "referentie",
            "reference",
            null,
            referenced(),
            "Uw eigen kenmerk van deze regel (uniek binnen de zaak; van een registratie: uniek in uw organisatie)",
            "Your own reference of this row (unique within the case; of a registration: unique in your organisation)"),
    CASE_ID(
            "ketenzicht_zaak_id",
            "ketenzicht_case_id",
            "id",
            EnumSet.of(CASE),
            "Optioneel: koppelt de zaak aan een bestaande zaak van uw organisatie",
            "Optional: links the case to an existing case of your organisation"),
    MUNICIPALITY(
            "gemeente",
            "municipality_code",
            "municipalityCode",
            EnumSet.of(CASE, PRIORITY, REGISTRATION),
            "CBS-gemeentecode, bv. GM0363",
            "CBS municipality code, e.g. GM0363"),
    OPENED_ON("geopend_op", "opened_on", "openedOn", EnumSet.of(CASE), "Datum (JJJJ-MM-DD)", "Date (YYYY-MM-DD)"),
    ORIGIN(
            "herkomst",
            "origin",
            "origin",
            EnumSet.of(CASE),
            "AANGIFTE, AMBTSHALVE, SIGNAL, DIGITAL of DECOY",
            "AANGIFTE, AMBTSHALVE, SIGNAL, DIGITAL or DECOY"),
    SIGNALLER(
            "signalerende_organisatie",
            "signalling_organisation_id",
            "signallingOrganisationId",
            EnumSet.of(CASE),
            "Nummer van de signalerende organisatie (bij herkomst SIGNAL)",
            "Id of the signalling organisation (origin SIGNAL)"),
    EXPLOITATION_FORMS(
            "uitbuitingsvormen",
            "exploitation_forms",
            "exploitationForms",
            EnumSet.of(CASE),
            "Codes uit lijst EXPLOITATION_FORM, gescheiden door |",
            "Codes of list EXPLOITATION_FORM, separated by |"),
    INVESTIGATION_METHODS(
            "opsporingsmethoden",
            "investigation_methods",
            "investigationMethods",
            EnumSet.of(CASE),
            "Codes uit lijst INVESTIGATION_METHOD, gescheiden door |",
            "Codes of list INVESTIGATION_METHOD, separated by |"),
    TEAM_TYPE("teamtype", "team_type", "teamType", EnumSet.of(CASE), "AVIM, ZEDEN of OTHER", "AVIM, ZEDEN or OTHER"),
    SUSPECT_COUNT(
            "aantal_verdachten",
            "suspect_count",
            "suspectCount",
            EnumSet.of(CASE),
            "Geheel getal 0–500",
            "Whole number 0–500"),
    NETWORK("netwerk", "network", "network", EnumSet.of(CASE), "ja of nee", "yes or no"),
    GENDER(
            "geslacht",
            "gender",
            "gender",
            EnumSet.of(VICTIM, SUSPECT, CLIENT, REGISTRATION),
            "FEMALE, MALE, X of UNKNOWN",
            "FEMALE, MALE, X or UNKNOWN"),
    BIRTH_YEAR(
            "geboortejaar",
            "birth_year",
            "birthYear",
            EnumSet.of(VICTIM, SUSPECT, CLIENT),
            "Jaar, bv. 2008",
            "Year, e.g. 2008"),
    BIRTH_MONTH("geboortemaand", "birth_month", "birthMonth", EnumSet.of(VICTIM), "1–12", "1–12"),
    NATIONALITY(
            "nationaliteit",
            "nationality",
            "nationality",
            EnumSet.of(VICTIM),
            "Code uit lijst NATIONALITY",
            "Code of list NATIONALITY"),
    VULNERABILITIES(
            "kwetsbaarheden",
            "vulnerabilities",
            "vulnerabilities",
            EnumSet.of(VICTIM),
            "Codes uit lijst VULNERABILITY, gescheiden door |",
            "Codes of list VULNERABILITY, separated by |"),
    RECRUITMENT_CHANNEL(
            "wervingskanaal",
            "recruitment_channel",
            "recruitmentChannel",
            EnumSet.of(VICTIM),
            "Code uit lijst RECRUITMENT_CHANNEL",
            "Code of list RECRUITMENT_CHANNEL"),
    EXPLOITATION_STARTED_ON(
            "uitbuiting_begonnen_op",
            "exploitation_started_on",
            "exploitationStartedOn",
            EnumSet.of(VICTIM),
            "Datum (JJJJ-MM-DD)",
            "Date (YYYY-MM-DD)"),
    ESTIMATED_CLIENTS(
            "geschat_aantal_klanten",
            "estimated_client_count",
            "estimatedClientCount",
            EnumSet.of(VICTIM),
            "Geheel getal",
            "Whole number"),
    CONSENT("toestemming_delen", "consent_to_share", "consentToShare", EnumSet.of(VICTIM), "ja of nee", "yes or no"),
    ROLE("rol", "role", "role", EnumSet.of(SUSPECT), "Code uit lijst SUSPECT_ROLE", "Code of list SUSPECT_ROLE"),
    LINKED_VICTIMS(
            "slachtoffers",
            "linked_victims",
            "linkedVictimIds",
            EnumSet.of(SUSPECT, CLIENT),
            "Referenties van slachtoffers in deze zaak, gescheiden door |",
            "References of victims of this case, separated by |"),
    CONTACT_COUNT(
            "aantal_contacten", "contact_count", "contactCount", EnumSet.of(CLIENT), "Geheel getal", "Whole number"),
    AGE_VERIFICATION(
            "leeftijdscontrole",
            "age_verification_at_issue",
            "ageVerificationAtIssue",
            EnumSet.of(CLIENT),
            "ja of nee",
            "yes or no"),
    PARTY_REF(
            "partij_referentie",
            "party_reference",
            "partyId",
            EnumSet.of(AANGIFTE, CHAIN_EVENT, RUNAWAY, REFERRAL),
            "Referentie van het slachtoffer (aangifte, wegloop, zorgverwijzing) of de verdachte/klant (ketenstap)",
            "Reference of the victim (aangifte, runaway, referral) or the suspect/client (chain event)"),
    DATE("datum", "date", "on", EnumSet.of(AANGIFTE, CHAIN_EVENT), "Datum (JJJJ-MM-DD)", "Date (YYYY-MM-DD)"),
    AANGIFTE_TYPE(
            "aangifte_soort",
            "aangifte_type",
            "type",
            EnumSet.of(AANGIFTE),
            "INFORMATORY_INTERVIEW, AANGIFTE_MADE, DECLINED of WITHDRAWN",
            "INFORMATORY_INTERVIEW, AANGIFTE_MADE, DECLINED or WITHDRAWN"),
    REASONS(
            "redenen",
            "reasons",
            "reasons",
            EnumSet.of(AANGIFTE),
            "Codes uit lijst NON_REPORTING_REASON, gescheiden door |",
            "Codes of list NON_REPORTING_REASON, separated by |"),
    TRAUMA_STUDIO("studio", "trauma_studio", "traumaStudio", EnumSet.of(AANGIFTE), "ja of nee", "yes or no"),
    PSYCHOLOGIST(
            "psycholoog",
            "psychologist_advised",
            "psychologistAdvised",
            EnumSet.of(AANGIFTE),
            "NONE, BEFORE, DURING of BEFORE_AND_DURING",
            "NONE, BEFORE, DURING or BEFORE_AND_DURING"),
    STAGE(
            "fase",
            "stage",
            "stage",
            EnumSet.of(CHAIN_EVENT),
            "IN_VIEW, OM_INFLOW, OM_DECISION, VERDICT, SENTENCE, APPEAL of FINAL",
            "IN_VIEW, OM_INFLOW, OM_DECISION, VERDICT, SENTENCE, APPEAL or FINAL"),
    DECISION(
            "beslissing",
            "decision",
            "decision",
            EnumSet.of(CHAIN_EVENT),
            "Beslissing van het OM (fase OM_DECISION)",
            "Decision of the OM (stage OM_DECISION)"),
    VERDICT(
            "uitspraak",
            "verdict",
            "verdict",
            EnumSet.of(CHAIN_EVENT),
            "CONVICTION, ACQUITTAL of DISCHARGE",
            "CONVICTION, ACQUITTAL or DISCHARGE"),
    CUSTODY_DAYS(
            "onvoorwaardelijk_dagen",
            "custody_unconditional_days",
            "sentence.custodyUnconditionalDays",
            EnumSet.of(CHAIN_EVENT),
            "Dagen onvoorwaardelijke vrijheidsstraf",
            "Days of unconditional custody"),
    CONDITIONAL_DAYS(
            "voorwaardelijk_dagen",
            "custody_conditional_days",
            "sentence.custodyConditionalDays",
            EnumSet.of(CHAIN_EVENT),
            "Dagen voorwaardelijke vrijheidsstraf",
            "Days of conditional custody"),
    COMMUNITY_HOURS(
            "taakstraf_uren",
            "community_service_hours",
            "sentence.communityServiceHours",
            EnumSet.of(CHAIN_EVENT),
            "Uren taakstraf",
            "Hours of community service"),
    FINE("boete_euro", "fine_euros", "sentence.fineEuros", EnumSet.of(CHAIN_EVENT), "Boete in euro", "Fine in euros"),
    MEASURE(
            "maatregel",
            "measure",
            "sentence.measure",
            EnumSet.of(CHAIN_EVENT),
            "Code uit lijst MEASURE",
            "Code of list MEASURE"),
    ARTICLE(
            "artikel",
            "article",
            "charges.article",
            EnumSet.of(CHAIN_EVENT),
            "Tenlastelegging: artikel, bv. 273f",
            "Charge: article, e.g. 273f"),
    LAW_VERSION(
            "wetsversie",
            "law_version",
            "charges.lawVersion",
            EnumSet.of(CHAIN_EVENT),
            "Tenlastelegging: wetsversie, bv. SR",
            "Charge: law version, e.g. SR"),
    OFFENCE_DATE(
            "pleegdatum",
            "offence_date",
            "charges.offenceDate",
            EnumSet.of(CHAIN_EVENT),
            "Tenlastelegging: pleegdatum (JJJJ-MM-DD)",
            "Charge: offence date (YYYY-MM-DD)"),
    INSTITUTION_TYPE(
            "instellingstype",
            "institution_type",
            "institutionType",
            EnumSet.of(RUNAWAY),
            "Wegloop: instelling waar het slachtoffer verbleef, code uit lijst INSTITUTION_TYPE",
            "Runaway: institution the victim stayed at, code of list INSTITUTION_TYPE"),
    MISSING_SINCE(
            "vermist_sinds",
            "missing_since",
            "missingSince",
            EnumSet.of(RUNAWAY),
            "Wegloop: vermist sinds (JJJJ-MM-DD)",
            "Runaway: missing since (YYYY-MM-DD)"),
    REPORTED_ON(
            "vermissing_gemeld_op",
            "reported_on",
            "reportedOn",
            EnumSet.of(RUNAWAY),
            "Wegloop: vermissing gemeld bij de politie op (JJJJ-MM-DD)",
            "Runaway: reported missing to the police on (YYYY-MM-DD)"),
    FOUND_ON(
            "teruggevonden_op",
            "found_on",
            "foundOn",
            EnumSet.of(RUNAWAY),
            "Wegloop: teruggevonden op (JJJJ-MM-DD)",
            "Runaway: found on (YYYY-MM-DD)"),
    VICTIMISED_DURING(
            "slachtoffer_tijdens_vermissing",
            "victimised_during",
            "victimisedDuring",
            EnumSet.of(RUNAWAY),
            "Wegloop: tijdens de vermissing uitgebuit, ja of nee",
            "Runaway: exploited while missing, yes or no"),
    CARE_TYPE(
            "zorgsoort",
            "care_type",
            "careType",
            EnumSet.of(REFERRAL),
            "Zorgverwijzing: soort zorg, code uit lijst CARE_TYPE",
            "Care referral: kind of care, code of list CARE_TYPE"),
    REFERRED_ON(
            "verwezen_op",
            "referred_on",
            "referredOn",
            EnumSet.of(REFERRAL),
            "Zorgverwijzing: verwezen op (JJJJ-MM-DD)",
            "Care referral: referred on (YYYY-MM-DD)"),
    CARE_STARTED_ON(
            "zorg_gestart_op",
            "care_started_on",
            "startedOn",
            EnumSet.of(REFERRAL),
            "Zorgverwijzing: zorg gestart op (JJJJ-MM-DD)",
            "Care referral: care started on (YYYY-MM-DD)"),
    CARE_ENDED_ON(
            "zorg_beeindigd_op",
            "care_ended_on",
            "endedOn",
            EnumSet.of(REFERRAL),
            "Zorgverwijzing: zorg beëindigd op (JJJJ-MM-DD)",
            "Care referral: care ended on (YYYY-MM-DD)"),
    POLICE_UNIT(
            "eenheid",
            "police_unit",
            "policeUnit",
            EnumSet.of(CAPACITY),
            "Capaciteit: politie-eenheid, code uit lijst POLICE_UNIT",
            "Capacity: police unit, code of list POLICE_UNIT"),
    YEAR(
            "jaar",
            "year",
            "year",
            EnumSet.of(CAPACITY, PRIORITY),
            "Jaar waarop de waarde slaat, bv. 2024",
            "Year the value is about, e.g. 2024"),
    FTE_AVIM(
            "fte_avim",
            "fte_avim",
            "avim",
            EnumSet.of(CAPACITY),
            "Capaciteit: fte AVIM (mensenhandelteam), hoogstens twee decimalen",
            "Capacity: FTE AVIM (trafficking team), at most two decimals"),
    FTE_ZEDEN(
            "fte_zeden",
            "fte_vice",
            "zeden",
            EnumSet.of(CAPACITY),
            "Capaciteit: fte zedenrecherche",
            "Capacity: FTE vice squad"),
    FTE_DIGITAL(
            "fte_digitaal",
            "fte_digital",
            "digital",
            EnumSet.of(CAPACITY),
            "Capaciteit: fte digitale recherche",
            "Capacity: FTE digital investigation"),
    FTE_PSYCHOLOGISTS(
            "recherchepsychologen",
            "fte_psychologists",
            "psychologists",
            EnumSet.of(CAPACITY),
            "Capaciteit: fte recherchepsychologen",
            "Capacity: FTE investigative psychologists"),
    PRIORITY_SET(
            "prioriteit",
            "priority",
            "priority",
            EnumSet.of(PRIORITY),
            "Prioriteit: mensenhandel staat in het lokale veiligheidsplan, ja of nee",
            "Priority: trafficking is in the local safety plan, yes or no"),
    REGISTERED_ON(
            "geregistreerd_op",
            "registered_on",
            "registeredOn",
            EnumSet.of(REGISTRATION),
            "Registratie: datum waarop uw organisatie het slachtoffer zag (JJJJ-MM-DD)",
            "Registration: date your organisation met the victim (YYYY-MM-DD)"),
    FIRST_NAME(
            "voornaam",
            "first_name",
            "firstName",
            EnumSet.of(REGISTRATION),
            "Registratie: voornaam; alleen voor de koppelsleutels, niet bewaard",
            "Registration: first name; only for the linkage keys, not stored"),
    FAMILY_NAME(
            "achternaam",
            "family_name",
            "familyName",
            EnumSet.of(REGISTRATION),
            "Registratie: achternaam; alleen voor de koppelsleutels, niet bewaard",
            "Registration: family name; only for the linkage keys, not stored"),
    BIRTH_DATE(
            "geboortedatum",
            "birth_date",
            "birthDate",
            EnumSet.of(REGISTRATION),
            "Registratie: geboortedatum (JJJJ-MM-DD); alleen voor de koppelsleutels, niet bewaard",
            "Registration: birth date (YYYY-MM-DD); only for the linkage keys, not stored"),
    /** Written into the refused-rows file; ignored when that file comes back corrected. */
    REASON(
            "reden",
            "reason",
            null,
            EnumSet.noneOf(RecordKind.class),
            "Waarom de regel is geweigerd (wordt genegeerd bij inlezen)",
            "Why the row was refused (ignored on import)");

    private static final Map<String, ImportColumn> BY_HEADER = Stream.of(values())
            .flatMap(c -> Stream.of(Map.entry(c.dutch, c), Map.entry(c.english, c)))
            .distinct()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String dutch;
    private final String english;
    private final String field;
    private final Set<RecordKind> kinds;
    private final String descriptionNl;
    private final String descriptionEn;

    ImportColumn(
            String dutch,
            String english,
            String field,
            Set<RecordKind> kinds,
            String descriptionNl,
            String descriptionEn) {
        this.dutch = dutch;
        this.english = english;
        this.field = field;
        this.kinds = kinds;
        this.descriptionNl = descriptionNl;
        this.descriptionEn = descriptionEn;
    }

    private static Set<RecordKind> allKinds() {
        return EnumSet.allOf(RecordKind.class);
    }

    /** The kinds that carry the partner's own references: the case file's and registrations. */
    private static Set<RecordKind> referenced() {
        Set<RecordKind> kinds = EnumSet.range(CASE, REFERRAL);
        kinds.add(REGISTRATION);
        return kinds;
    }

    /** The data columns of a kind of file, in the template's order (the reason column is apart). */
    public static java.util.List<ImportColumn> of(ImportTemplate template) {
        return Stream.of(values())
                .filter(c -> c.kinds.stream().anyMatch(template.kinds()::contains))
                .toList();
    }

    public String dutch() {
        return dutch;
    }

    public String english() {
        return english;
    }

    public Set<RecordKind> kinds() {
        return kinds;
    }

    public String description(String language) {
        return "en".equals(language) ? descriptionEn : descriptionNl;
    }

    public boolean appliesTo(RecordKind kind) {
        return kinds.contains(kind);
    }

    /** A header as partners write it: any case, surrounding spaces, spaces or hyphens for underscores. */
    public static Optional<ImportColumn> ofHeader(String header) {
        String h = header == null
                ? ""
                : header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Optional.ofNullable(BY_HEADER.get(h));
    }

    /**
     * The column an API field error is about, for the kind of row that made the request: indexes and
     * element paths are dropped ({@code charges[0].offenceDate}, {@code exploitationForms[]}).
     */
    public static Optional<ImportColumn> ofField(RecordKind kind, String field) {
        if (field == null) {
            return Optional.empty();
        }
        String f = field.replaceAll("\\[[^]]*]", "");
        return FIELDS.getOrDefault(kind, Map.of()).entrySet().stream()
                .filter(e -> f.equals(e.getKey())
                        || f.startsWith(e.getKey() + ".")
                        || e.getKey().startsWith(f + "."))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static final Map<RecordKind, Map<String, ImportColumn>> FIELDS = Stream.of(RecordKind.values())
            .collect(Collectors.toUnmodifiableMap(
                    Function.identity(),
                    k -> Stream.of(values())
                            .filter(c -> c.field != null && c.appliesTo(k))
                            .collect(Collectors.toUnmodifiableMap(c -> c.field, c -> c))));
}
