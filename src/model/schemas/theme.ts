import {z} from 'zod'

/** A theme's templates, each replaced whole by a theme that has its own. */
export const templateNames = ['document.html', 'cover.html', 'back-cover.html'] as const

/** A theme's stylesheets, in cascade order; each written beside the HTML as `assets/styles/<name>`. */
export const styleNames = ['fonts.css', 'base.css', 'screen.css', 'print-core.css', 'print.css'] as const

export type TemplateName = (typeof templateNames)[number]
export type StyleName = (typeof styleNames)[number]

/** A theme's name: a folder of `themes/`, or `default` (the package's own `templates/` and `styles/`). */
export const themeNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a theme name such as `default` or `sobre`')

/**
 * `theme.yaml`, beside a theme's `templates/` and `styles/`: which theme it adds to. Each of its
 * stylesheets is loaded after its parent's of the same name (so it holds only what differs), unless
 * `replaces` names it; each of its templates replaces its parent's.
 */
export const themeManifestSchema = z.strictObject({
  /** The theme this one adds to. */
  extends: themeNameSchema.default('default'),
  /** One line saying what the theme looks like, for `doctor`. */
  description: z.string().min(1).optional(),
  /** Stylesheets this theme writes afresh instead of adding to its parent's (`fonts.css` for other fonts). */
  replaces: z.array(z.enum(styleNames)).default([])
})

export type ThemeManifest = z.infer<typeof themeManifestSchema>
