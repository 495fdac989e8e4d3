/**
 * A client's rights over their data: download everything BackCare holds about them, and
 * erase it. Erasure removes what identifies the person and keeps anonymous statistics;
 * the audit log keeps only the anonymous ids.
 */
@ApplicationModule(displayName = "Privacy")
package org.backcare.privacy;

import org.springframework.modulith.ApplicationModule;
