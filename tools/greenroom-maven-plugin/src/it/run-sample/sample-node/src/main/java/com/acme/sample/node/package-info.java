/** Plugin sample's node library. */
@Export
@Version("1.0.0")
package com.acme.sample.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
