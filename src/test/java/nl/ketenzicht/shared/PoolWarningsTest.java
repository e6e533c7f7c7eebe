package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PoolWarningsTest {

    private static final String ALLOCATOR =
            "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.allocator";

    private static LogRecord record(String message, Object... params) {
        LogRecord r = new LogRecord(Level.WARNING, message);
        r.setLoggerName(ALLOCATOR);
        r.setParameters(params);
        return r;
    }

    @Test
    void theConnectorsWarningsForAnUnreachableDatabaseAreDropped() {
        assertTrue(
                PoolWarnings.unreachable(
                        record(
                                "RAR5038:Unexpected exception while creating resource for pool {0}. Exception : {1}",
                                "ketenzicht",
                                "jakarta.resource.spi.ResourceAllocationException: Connection could not be allocated because: Communications link failure")));
        assertTrue(PoolWarnings.unreachable(
                record("RAR5114 : Error allocating connection : [Error in allocating a connection. "
                        + "Cause: Connection could not be allocated because: Connection refused]")));
        LogRecord withCause =
                record("RAR5117 : Failed to obtain/create connection from connection pool [ {0} ]", "ketenzicht");
        withCause.setThrown(
                new IllegalStateException("pooling", new java.net.SocketTimeoutException("Read timed out")));
        assertTrue(PoolWarnings.unreachable(withCause));
        LogRecord broken = record("RAR5027:Unexpected exception in resource pooling");
        broken.setLoggerName("javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.rm");
        broken.setThrown(new RuntimeException(
                "Got exception during XAResource.start:",
                new IllegalStateException("No operations allowed after connection closed.")));
        assertTrue(PoolWarnings.unreachable(broken));
    }

    @Test
    void otherConnectorWarningsStay() {
        assertFalse(
                PoolWarnings.unreachable(
                        record(
                                "RAR5038:Unexpected exception while creating resource for pool {0}. Exception : {1}",
                                "ketenzicht",
                                "Connection could not be allocated because: Access denied for user 'app'@'%' to database 'ketenzicht'")));
        assertFalse(
                PoolWarnings.unreachable(
                        record(
                                "RAR5117 : Failed to obtain/create connection from connection pool [ ketenzicht ]. "
                                        + "Reason : In-use connections equal max-pool-size and expired max-wait-time. Cannot allocate more connections.")));
    }

    @Test
    void aMessageFromTheConnectorsBundleIsReadAsPrinted() {
        LogRecord keyed = record("RAR7132", "ketenzicht");
        keyed.setLoggerName("javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.pool");
        keyed.setResourceBundle(new java.util.ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {
                    {
                        "RAR7132",
                        "RAR7132: Unable to enlist the resource in transaction. Evicting resource from pool. Pool name: [ {0} ]"
                    }
                };
            }
        });
        assertTrue(PoolWarnings.unreachable(keyed));
    }

    @Test
    void onlyTheConnectorsLoggersAreConcerned() {
        LogRecord ours = record("Communications link failure");
        ours.setLoggerName("nl.ketenzicht.shared.DatabaseAvailability");
        assertFalse(PoolWarnings.unreachable(ours));
    }

    @Test
    void theServerLogFilterDropsThem() {
        LogSanitizer.EscapingFilter filter = new LogSanitizer.EscapingFilter(null);
        assertFalse(filter.isLoggable(record("RAR5114 : Error allocating connection : [Communications link failure]")));
        assertTrue(filter.isLoggable(record("RAR5114 : Error allocating connection : [Access denied]")));
    }
}
