package org.billinghost.api.billing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface ApiCredentials {

    /** A new credential and its secret, which is shown this once and stored only as a hash. */
    record Created(ApiCredential credential, String secret) {
    }

    Created create(long adminId, String description, Set<String> allowedActions);

    /** Creates a credential with a chosen identifier and secret (demo mode). */
    ApiCredential createWithSecret(long adminId, String identifier, String secret, String description);

    Optional<ApiCredential> authenticate(String identifier, String secret);

    List<ApiCredential> list();

    void delete(long id);
}
