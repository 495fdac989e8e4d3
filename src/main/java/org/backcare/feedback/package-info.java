/**
 * The client's feedback on each session: how the pressure felt, overall and on each area
 * treated, soreness the next day, comfort, pain now, what helped and what to avoid. Given
 * by the session's client within a week; read by the client's care team on the
 * therapist's day.
 */
@ApplicationModule(displayName = "Session feedback")
package org.backcare.feedback;

import org.springframework.modulith.ApplicationModule;
