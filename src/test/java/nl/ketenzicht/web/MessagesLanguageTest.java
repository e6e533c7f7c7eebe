package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nl.ketenzicht.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

class MessagesLanguageTest {

    @Test
    void langIsNlOrEnAndNothingElse() {
        assertEquals("nl", Messages.language("nl", "en"));
        assertEquals("en", Messages.language("en", null));
        for (String wrong : new String[] {"de", "EN", "en-GB", "", " nl"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Messages.language(wrong, null), wrong);
            assertEquals(400, e.status(), wrong);
        }
    }

    @Test
    void withoutLangTheFirstAcceptedLanguageWeHaveElseDutch() {
        assertEquals("en", Messages.language(null, "de-DE,de;q=0.9, en-GB;q=0.8, nl;q=0.5"));
        assertEquals("nl", Messages.language(null, "nl-BE"));
        assertEquals("en", Messages.language(null, " EN "));
        assertEquals("nl", Messages.language(null, "fr, de"));
        assertEquals("nl", Messages.language(null, null));
        assertEquals("nl", Messages.language(null, ""));
    }
}
