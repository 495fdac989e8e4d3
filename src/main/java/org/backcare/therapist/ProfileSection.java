package org.backcare.therapist;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A part of a therapist's profile page that another module owns: its free times
 * (booking), its reviews (review), its credentials for the front desk. The therapist
 * module draws the page and asks each section, in its {@code @Order}, what to show; a
 * section draws itself with a fragment of its own module's templates. So the page lives
 * with the therapist while each part stays with the module that knows it.
 */
public interface ProfileSection {

	/** What this section shows of the therapist to whoever is reading, or nothing. */
	Optional<Part> of(Therapist therapist);

	/**
	 * A drawn section: {@code template} holds a fragment {@code section(data)} that reads
	 * {@code data}.
	 */
	record Part(String template, Map<String, Object> data) {

		/** Absent values stay in the map as null, so the fragment can ask for them. */
		public Part {
			data = Collections.unmodifiableMap(new HashMap<>(data));
		}

	}

}
