package org.billinghost.api.platform;

import java.util.Collection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The module debug log (WHMCS's {@code logModuleCall}). It records only while an admin has it
 * switched on. Every value in {@code scrub} is replaced by asterisks in request, response and
 * processed data before anything is stored.
 */
@ProviderType
public interface ModuleLog {

    boolean isEnabled();

    void setEnabled(boolean enabled);

    void log(String module, String action, String request, String response, String processed,
             Collection<String> scrub);

    ResultPage<ModuleLogEntry> entries(String search, int offset, int limit);
}
