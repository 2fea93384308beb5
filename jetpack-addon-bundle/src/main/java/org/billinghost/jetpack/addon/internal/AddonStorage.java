package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import org.billinghost.api.platform.ModuleDatabase;

/** The addon's tables on the host's database: schema, product records, pending notice. */
final class AddonStorage {
    private final AddonSchema schema;
    private final ProductRecords records;
    private final CredentialsNotice notice;

    AddonStorage(ModuleDatabase database, Clock clock) {
        Sql sql = new Sql(database);
        this.schema = new AddonSchema(sql);
        this.records = new ProductRecords(sql, clock);
        this.notice = new CredentialsNotice(sql, clock);
    }

    AddonSchema schema() {
        return schema;
    }

    ProductRecords records() {
        return records;
    }

    CredentialsNotice notice() {
        return notice;
    }
}
