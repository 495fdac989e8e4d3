/**
 * The clinic: its name, address and IANA time zone (every local rule is evaluated in it),
 * and the services it offers with their durations and cleanup buffers.
 */
@ApplicationModule(displayName = "Clinic")
package org.backcare.clinic;

import org.springframework.modulith.ApplicationModule;
