package org.backcare.homecare;

import org.backcare.client.ClientId;
import org.backcare.clinic.ClinicId;

/**
 * A client set or resumed their home-care reminders: today's and tomorrow's are planned
 * again.
 */
public record HomeRemindersChanged(ClinicId clinic, ClientId client) {
}
