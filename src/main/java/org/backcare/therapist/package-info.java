/**
 * Therapists: who they are, the licence that allows them to practise, the techniques they
 * are certified in, their weekly working hours in the clinic's local time, and their time
 * off.
 */
@ApplicationModule(displayName = "Therapist")
package org.backcare.therapist;

import org.springframework.modulith.ApplicationModule;
