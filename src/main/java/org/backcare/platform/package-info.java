/**
 * Runtime foundations shared by every module: the database (embedded PostgreSQL or an
 * external one), the clock, RFC 9457 problem documents for every refusal, and request
 * limits. Business modules depend on it; it depends on none of them.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package org.backcare.platform;

import org.springframework.modulith.ApplicationModule;
