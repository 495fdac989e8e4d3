/**
 * The clinical core, pure and alone: the validated instruments (Keele STarT Back,
 * Oswestry, NPRS), the red-flag and contraindication screens, and the cited care rules
 * that turn a client's answers into an assessment. No Spring, no SQL, no clock: the same
 * answers give the same assessment, and every rule is tested at its boundaries on its
 * own. The intake module stores and shows what this module decides.
 */
@ApplicationModule(displayName = "Assessment")
package org.backcare.assessment;

import org.springframework.modulith.ApplicationModule;
