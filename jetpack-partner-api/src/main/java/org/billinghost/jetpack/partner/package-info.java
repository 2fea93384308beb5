/**
 * The Jetpack Partner API as an OSGi service ({@link org.billinghost.jetpack.partner.PartnerApi}),
 * shared by the Jetpack server module and the Jetpack addon. Every message it returns starts
 * with {@value org.billinghost.jetpack.partner.PartnerApi#PREFIX}.
 */
@Version("1.2.0")
package org.billinghost.jetpack.partner;

import org.osgi.annotation.versioning.Version;
