package org.backcare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * BackCare: intake, therapist matching, conflict-free booking and measured progress for
 * massage clinics that treat back pain. Each direct sub-package is one business module;
 * {@code ModularityTests} verifies their boundaries.
 */
@SpringBootApplication
public class BackCareApplication {

	public static void main(String[] args) {
		SpringApplication.run(BackCareApplication.class, args);
	}

}
