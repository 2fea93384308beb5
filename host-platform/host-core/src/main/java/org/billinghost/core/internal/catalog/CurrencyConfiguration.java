package org.billinghost.core.internal.catalog;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host currency",
        description = "The currency every price and invoice is in (one currency per host)")
public @interface CurrencyConfiguration {
    String PID = "org.billinghost.core.currency";

    @AttributeDefinition(name = "Code", description = "ISO 4217 code, three capital letters (USD, EUR)")
    String code() default "USD";

    @AttributeDefinition(name = "Prefix", description = "Printed before an amount ($)")
    String prefix() default "$";

    @AttributeDefinition(name = "Suffix", description = "Printed after an amount ( USD)")
    String suffix() default " USD";
}
