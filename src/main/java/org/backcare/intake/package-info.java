/**
 * Intake and clinical assessment: the client's questionnaire (pain map, pain ratings,
 * STarT Back, Oswestry), the red-flag and contraindication screens, and the care
 * recommendation with the rules that produced it. Booking asks this module, through
 * {@code BookingGuard}, whether a client may be booked; therapists see the assessment of
 * clients they treat.
 */
@ApplicationModule(displayName = "Intake")
package org.backcare.intake;

import org.backcare.assessment.Oswestry;

import org.springframework.modulith.ApplicationModule;
