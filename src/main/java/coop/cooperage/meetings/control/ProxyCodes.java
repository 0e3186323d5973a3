package coop.cooperage.meetings.control;

import coop.cooperage.meetings.control.BallotBox.PollRef;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proxy code: shown once to a member when they appoint a proxy (20 characters, the change
 * code's alphabet and length), never stored. From it and a poll comes an X25519 key pair; the
 * appointment keeps only the public key, per secret poll of the meeting.
 *
 * <p>When the holder casts the member's ballot, the ballot gets a <em>lock</em>: its own id
 * encrypted to that public key with a fresh ephemeral key (X25519, HMAC-SHA256, AES-256-GCM). A
 * lock says nothing about which public key it was made for, so nothing in the database, nor two
 * copies of it taken before and after the cast, pairs the ballot with the appointment. Only the
 * member, whose code gives the private key, can open the lock: to find that ballot's receipt and to
 * replace the ballot with their own vote. One code covers every poll of the meeting, yet the key
 * pairs differ per poll, so the member's proxy ballots in two polls share nothing either.
 */
public final class ProxyCodes {

    /** Ephemeral public key, nonce, then the ballot id encrypted with its tag. */
    static final int LOCK_BYTES = 32 + 12 + 16 + 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger BASE_POINT = BigInteger.valueOf(9);

    private ProxyCodes() {
    }

    public static String newCode() {
        return ReceiptCodes.changeCode();
    }

    /** The public key kept with the appointment for the poll; null when the code is not well formed. */
    public static byte[] publicKey(String typed, PollRef poll) {
        PrivateKey key = privateKey(typed, poll);
        return key == null ? null : agree(key, publicKeyOf(BASE_POINT));
    }

    /** A lock on the ballot for the holder of the public key's code: the ballot's id, encrypted to the key. */
    public static byte[] lock(byte[] publicKey, byte[] ballotId) {
        try {
            var generator = KeyPairGenerator.getInstance("X25519");
            var ephemeral = generator.generateKeyPair();
            byte[] ephemeralPublic = littleEndian(((XECPublicKey) ephemeral.getPublic()).getU());
            byte[] secret = agree(ephemeral.getPrivate(), publicKeyOf(new BigInteger(1, reversed(publicKey))));
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey(secret, ephemeralPublic, publicKey), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(ballotId);
            byte[] lock = new byte[LOCK_BYTES];
            System.arraycopy(ephemeralPublic, 0, lock, 0, 32);
            System.arraycopy(nonce, 0, lock, 32, 12);
            System.arraycopy(sealed, 0, lock, 44, sealed.length);
            return lock;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 and AES-GCM are part of every Java 17", e);
        }
    }

    /** Whether the code (as typed) opens this lock of this ballot in this poll. */
    public static boolean opens(String typed, PollRef poll, byte[] lock, byte[] ballotId) {
        PrivateKey key = privateKey(typed, poll);
        if (key == null || lock == null || lock.length != LOCK_BYTES) {
            return false;
        }
        byte[] ephemeralPublic = Arrays.copyOfRange(lock, 0, 32);
        try {
            byte[] secret = agree(key, publicKeyOf(new BigInteger(1, reversed(ephemeralPublic))));
            byte[] publicKey = agree(key, publicKeyOf(BASE_POINT));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey(secret, ephemeralPublic, publicKey),
                    new GCMParameterSpec(128, Arrays.copyOfRange(lock, 32, 44)));
            return MessageDigest.isEqual(cipher.doFinal(Arrays.copyOfRange(lock, 44, LOCK_BYTES)), ballotId);
        } catch (AEADBadTagException | IllegalStateException e) {
            return false; // made for another key
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 and AES-GCM are part of every Java 17", e);
        }
    }

    /** The poll's private key from the code: HMAC-SHA256 of the poll under the code (X25519 clamps it). */
    private static PrivateKey privateKey(String typed, PollRef poll) {
        String code = ReceiptCodes.normaliseChangeCode(typed);
        if (code == null) {
            return null;
        }
        try {
            byte[] scalar = hmac(code.getBytes(StandardCharsets.UTF_8),
                    ("cooperage/proxy/" + poll.kind().name() + "/" + poll.id()).getBytes(StandardCharsets.UTF_8));
            return KeyFactory.getInstance("XDH").generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is part of every Java 17", e);
        }
    }

    private static PublicKey publicKeyOf(BigInteger u) {
        try {
            return KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is part of every Java 17", e);
        }
    }

    /** X25519(private, public), little-endian as RFC 7748 writes it; with the base point, the public key. */
    private static byte[] agree(PrivateKey key, PublicKey other) {
        try {
            var agreement = KeyAgreement.getInstance("XDH");
            agreement.init(key);
            agreement.doPhase(other, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            // a degenerate public key (a stored value that is not a real key): nothing opens with it
            throw new IllegalStateException("Not a usable X25519 key", e);
        }
    }

    private static SecretKeySpec aesKey(byte[] secret, byte[] ephemeralPublic, byte[] publicKey) throws GeneralSecurityException {
        byte[] context = new byte[20 + 64];
        System.arraycopy("cooperage/proxy-lock".getBytes(StandardCharsets.US_ASCII), 0, context, 0, 20);
        System.arraycopy(ephemeralPublic, 0, context, 20, 32);
        System.arraycopy(publicKey, 0, context, 52, 32);
        return new SecretKeySpec(hmac(secret, context), "AES");
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] littleEndian(BigInteger u) {
        byte[] big = u.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
