package coop.cooperage.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of an audit event covers every field and the previous event's hash. Fields are
 * length-prefixed so that moving text from one field to the next changes the hash.
 */
public final class AuditHash {

    /** The hash before the first event of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private AuditHash() {
    }

    public static String of(AuditEvent e) {
        return sha256(e.prevHash(), Long.toString(e.chainId()), Long.toString(e.seq()), MICROS.format(e.occurredAt()),
                e.actor(), e.action(), e.entityType(), e.entityId(), e.beforeJson(), e.afterJson());
    }

    static String sha256(String... fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : fields) {
                if (field == null) {
                    digest.update("-1:".getBytes(StandardCharsets.UTF_8));
                } else {
                    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                    digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                    digest.update(bytes);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
