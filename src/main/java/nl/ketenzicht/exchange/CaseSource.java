package nl.ketenzicht.exchange;

import java.io.IOException;
import java.sql.SQLException;

/** Cases in a fixed order, as often as asked: the base tables ({@link ExchangeRecords}) or, in tests, a list. */
public interface CaseSource {

    void forEach(Sink sink) throws SQLException, IOException;

    /** Receives one case at a time. */
    interface Sink {
        void accept(ExchangeCase c) throws IOException;
    }
}
