package org.backcare.client;

import java.time.LocalDate;

import org.backcare.clinic.ClinicId;

public record Client(ClientId id, ClinicId clinicId, String name, String email, String phone, LocalDate dateOfBirth) {
}
