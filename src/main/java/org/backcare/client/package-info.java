/**
 * The people who come for care: name and contact details. Health data lives in the
 * modules that collect it.
 */
@ApplicationModule(displayName = "Client")
package org.backcare.client;

import org.springframework.modulith.ApplicationModule;
