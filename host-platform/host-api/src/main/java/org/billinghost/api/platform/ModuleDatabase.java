package org.billinghost.api.platform;

import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's database, for a module's own tables. Modules prefix their tables with
 * {@code mod_<module>_} and write SQL the three supported databases accept (check {@link #dialect()}).
 */
@ProviderType
public interface ModuleDatabase {

    enum Dialect { H2, POSTGRESQL, MARIADB }

    DataSource dataSource();

    Dialect dialect();
}
