/** The permission system: policy, evaluation, per-plugin registries and their routes. Plain Java. */
package dev.greenroom.permission.internal;
