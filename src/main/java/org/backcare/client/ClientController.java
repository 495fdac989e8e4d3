package org.backcare.client;

import java.time.LocalDate;
import java.util.UUID;

import org.backcare.platform.RecordNotFound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client record, {@code /api/v1/clients/{id}}: who may read it is the
 * {@link ClientRecordGuard}'s call.
 */
@RestController
@Tag(name = "Care records")
@SecurityRequirement(name = "bearer")
class ClientController {

	private final Clients clients;

	private final ObjectProvider<ClientRecordGuard> guard;

	private final ObjectProvider<AttendanceRecord> attendance;

	ClientController(Clients clients, ObjectProvider<ClientRecordGuard> guard,
			ObjectProvider<AttendanceRecord> attendance) {
		this.clients = clients;
		this.guard = guard;
		this.attendance = attendance;
	}

	@GetMapping("/api/v1/clients/{id}")
	@Operation(
			summary = "A client's record: the client, therapists who have or had a session with them, the clinic's admins")
	ClientRecord client(@PathVariable UUID id) {
		Client client = this.clients.find(new ClientId(id)).orElseThrow(() -> new RecordNotFound("Client", id));
		// Without a guard (the module alone) nobody may read it.
		this.guard.getIfAvailable(() -> unguarded -> {
			throw new RecordNotFound("Client", id);
		}).mayRead(client);
		Attendance kept = this.attendance.getIfAvailable(() -> who -> Attendance.NONE).of(client.id());
		return new ClientRecord(id, client.name(), client.email(), client.phone(), client.dateOfBirth(), kept);
	}

	/**
	 * The client, and how they have kept their sessions (completed, cancelled late, not
	 * come to).
	 */
	record ClientRecord(UUID id, String name, String email, String phone, LocalDate dateOfBirth,
			Attendance attendance) {
	}

}
