/**
 * The society itself: its registration details, area of benefit, branding, its rules held as
 * settings (with the usual values as defaults), and the register of officers; and the pages and API that show a society's audit trail.
 */
package coop.cooperage.society;
