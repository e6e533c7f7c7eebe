package nl.ketenzicht.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One access-log row as read back, and its canonical form for the hash chain: every field with its
 * length in front, so no choice of values can make two different rows encode alike. A field added
 * later ({@code ownerIds}) joins the form only when set, so entries sealed before it keep their hash.
 */
public record LogEntry(
        long id,
        Instant occurredAt,
        String actor,
        String username,
        String role,
        Long organisationId,
        String onBehalfOf,
        String action,
        String crud,
        String objectType,
        String objectIds,
        String subjectIds,
        String outcome,
        String accessPoint,
        String purpose,
        boolean breakGlass,
        String correlationId,
        String ownerIds) {

    public static final String GENESIS = "0".repeat(64);

    public String canonical() {
        StringBuilder sb = new StringBuilder(256);
        for (Object v : new Object[] {
            id,
            occurredAt.toEpochMilli(),
            actor,
            username,
            role,
            organisationId,
            onBehalfOf,
            action,
            crud,
            objectType,
            objectIds,
            subjectIds,
            outcome,
            accessPoint,
            purpose,
            breakGlass,
            correlationId
        }) {
            String s = v == null ? "" : v.toString();
            sb.append(v == null ? -1 : s.length()).append(':').append(s).append('|');
        }
        if (ownerIds != null) {
            sb.append("owners=")
                    .append(ownerIds.length())
                    .append(':')
                    .append(ownerIds)
                    .append('|');
        }
        return sb.toString();
    }

    public String chainHash(String previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(canonical().getBytes(StandardCharsets.UTF_8));
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
