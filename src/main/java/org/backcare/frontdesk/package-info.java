/**
 * The front desk's work list: credentials to verify or renew, sessions to reassign
 * because a licence lapsed before them, and how clients found the clinic.
 */
@ApplicationModule(displayName = "Front desk")
package org.backcare.frontdesk;

import org.springframework.modulith.ApplicationModule;
