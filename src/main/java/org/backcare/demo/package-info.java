/**
 * A demo clinic, seeded once into an empty database so that a first start has something
 * to show.
 */
@ApplicationModule(displayName = "Demo")
package org.backcare.demo;

import org.springframework.modulith.ApplicationModule;
