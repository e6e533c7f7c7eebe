package nl.ketenzicht.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import nl.ketenzicht.parties.Gender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyerTest {

    static final String SECRET = "test-linkage-secret-0123456789abcdef";
    static final LocalDate BORN = LocalDate.of(2008, 3, 14);

    private final Keyer keyer = new Keyer(SECRET);

    private LinkageKeys keys(String first, String family) {
        return keyer.keysOf(new Identity(first, family, BORN, Gender.FEMALE));
    }

    @ParameterizedTest(name = "{0} {1} = {2} {3}")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                "José;van der Berg;Jose;v.d. Berg",
                "josé;Van Der Berg;JOSE;van den berg",
                "Jose;Berg, van der;José;V/D Berg",
                "Anna Maria;de Vries;anna;De Vries",
                "Marie-José;Jansen-de Vries;Marie José;Jansen de Vries",
                "Zoë;in 't Veld;Zoe;In t Veld",
                "Zoë;in 't Veld;zoe;Veld",
                "Fatima;El Amrani;Fatıma;el-Amrani",
                "Ødegård;Øvergaard;odegard;overgaard",
                "Sophie;O'Brien;sophie;OBrien",
                "Lotte;ter Horst;Lotte;Ter  Horst",
                "Daan;'s-Gravesande;daan;s Gravesande"
            })
    void samePersonTypedDifferentlyGetsTheSameFullKey(String first1, String family1, String first2, String family2) {
        assertEquals(
                keys(first1, family1),
                keys(first2, family2),
                "case, accents, prefixes, spaces, hyphens and apostrophes must not change any key");
    }

    @Test
    void differentPeopleGetDifferentKeys() {
        LinkageKeys anna = keys("Anna", "Jansen");
        assertNotEquals(anna.full(), keys("Anne", "Jansen").full(), "another first name");
        assertNotEquals(anna.full(), keys("Anna", "Janssen").full(), "another family name");
        assertNotEquals(
                anna.full(),
                keyer.keysOf(new Identity("Anna", "Jansen", BORN.plusDays(1), Gender.FEMALE))
                        .full());
        assertNotEquals(
                anna.full(),
                keyer.keysOf(new Identity("Anna", "Jansen", BORN, Gender.MALE)).full());
        assertNotEquals(
                keys("Anna", "Jansen").full(), keys("Anna", "Jans en Jansen").full());
    }

    @Test
    void eachVariantLeavesOutExactlyOnePart() {
        LinkageKeys anna = keys("Anna", "Jansen");
        LinkageKeys typoFirst = keys("Ana", "Jansen");
        assertEquals(anna.noFirstName(), typoFirst.noFirstName());
        assertNotEquals(anna.noFamilyName(), typoFirst.noFamilyName());
        LinkageKeys typoFamily = keys("Anna", "Janssen");
        assertEquals(anna.noFamilyName(), typoFamily.noFamilyName());
        assertNotEquals(anna.noFirstName(), typoFamily.noFirstName());
        LinkageKeys otherDay = keyer.keysOf(new Identity("Anna", "Jansen", BORN.withDayOfMonth(4), Gender.FEMALE));
        assertEquals(anna.birthYear(), otherDay.birthYear());
        assertNotEquals(anna.full(), otherDay.full());
        assertNotEquals(
                anna.birthYear(),
                keyer.keysOf(new Identity("Anna", "Jansen", BORN.plusYears(1), Gender.FEMALE))
                        .birthYear());
    }

    @Test
    void variantsNeverShareAKey() {
        LinkageKeys k = keys("Anna", "Jansen");
        assertEquals(
                4,
                java.util.Set.of(k.full(), k.noFirstName(), k.noFamilyName(), k.birthYear())
                        .size());
    }

    @Test
    void withoutTheSecretTheKeysCannotBeRecomputed() {
        Identity anna = new Identity("Anna", "Jansen", BORN, Gender.FEMALE);
        LinkageKeys ours = keyer.keysOf(anna);
        LinkageKeys theirs = new Keyer("another-deployment-secret-0123456789").keysOf(anna);
        for (KeyVariant v : KeyVariant.values()) {
            assertNotEquals(ours.get(v), theirs.get(v), v + " must depend on the secret");
        }
        String plain = nl.ketenzicht.security.Secrets.sha256(KeyVariant.FULL.message("anna", "jansen", BORN, "FEMALE"));
        assertNotEquals(plain, ours.full(), "an unkeyed hash of the same text is not the key");
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Keyer("short"));
        assertThrows(IllegalArgumentException.class, () -> new Keyer(null));
    }

    @Test
    void identityShowsNothingWhenPrinted() {
        Identity anna = new Identity("Zwanenburgxyz", "Zwanenburgxyz", BORN, Gender.FEMALE);
        assertFalse(anna.toString().contains("Zwanenburgxyz") || anna.toString().contains("2008"), anna.toString());
        assertTrue(keys("Anna", "Jansen").full().matches("[0-9a-f]{64}"));
    }

    @Test
    void aFamilyNameThatIsOnlyAPrefixWordIsKept() {
        assertEquals("de", Names.familyName("De"), "the last word is never dropped");
        assertEquals("berg", Names.familyName("  van   der Berg "));
        assertEquals("jansendevries", Names.familyName("Jansen-de Vries"));
    }
}
