import type {TemplateShape} from '../model/template-values.js'
import {labelsFor} from './labels.js'

/**
 * The shape of what the theme's templates receive (document.ts's `templateView`), for the check of
 * the names a project's templates write (model/template-values.ts). test/render/template-shape.test.ts
 * holds it to templateView's own keys.
 */
export function templateShape(lang: string): TemplateShape {
  const text = 'text' as const
  return {
    values: {
      lang: text,
      title: text,
      subtitle: text,
      organisation: text,
      authors: {list: text},
      logo: text,
      cover: {values: {image: text, alt: text, credit: text}},
      contact: {values: {name: text, email: text, url: text, address: text, phone: text}},
      date: text,
      dateText: text,
      edition: text,
      editionTitle: text,
      documentTitle: text,
      bodyClass: text,
      mainClass: text,
      stylesheets: {list: {values: {href: text, media: text}}},
      labels: shapeOf(labelsFor(lang)),
      toc: 'html',
      main: 'html'
    }
  }
}

/** A value's shape: a string, number or function (a Mustache lambda) is text, an array a list, an object named values. */
function shapeOf(value: unknown): TemplateShape {
  if (Array.isArray(value)) return {list: value.length > 0 ? shapeOf(value[0]) : 'text'}
  if (value !== null && typeof value === 'object') return {values: Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]))}
  return 'text'
}
