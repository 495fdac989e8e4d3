/**
 * A demo clinic, seeded once into an empty database so that a first start has something
 * to show.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.backcare.demo;
