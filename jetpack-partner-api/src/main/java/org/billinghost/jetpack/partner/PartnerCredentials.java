package org.billinghost.jetpack.partner;

/** A hosting partner's client id and secret; white space around both is trimmed. */
public record PartnerCredentials(String clientId, String clientSecret) {
    public PartnerCredentials {
        clientId = clientId == null ? "" : clientId.trim();
        clientSecret = clientSecret == null ? "" : clientSecret.trim();
    }

    public boolean complete() {
        return !clientId.isEmpty() && !clientSecret.isEmpty();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "PartnerCredentials[clientId=" + clientId + ", clientSecret=********]";
    }
}
