package nl.ketenzicht.imports;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/** The rows of an uploaded file, read as a stream: the header first, then one data row at a time. */
public interface SheetRows extends Iterator<SourceRow>, Closeable {

    List<String> header();

    @Override
    void close();
}
