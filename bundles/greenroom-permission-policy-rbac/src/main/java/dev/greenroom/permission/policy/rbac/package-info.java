/** Module rbac-policy of plugin permission (not exported: the module is a DS component). */
package dev.greenroom.permission.policy.rbac;
