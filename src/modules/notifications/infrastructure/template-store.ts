import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { escapeHtml, renderTemplate, TemplateData } from '../domain/render-template';

/** The templates shipped with the module, one folder each: subject.txt, body.txt, body.html. */
export type TemplateName =
  | 'welcome'
  | 'password-reset'
  | 'password-changed'
  | 'order-confirmed'
  | 'order-cancelled'
  | 'order-shipped'
  | 'shipment-dispatched'
  | 'shipment-delivered';

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

// Copied beside the compiled code by the build (nest-cli.json assets).
const TEMPLATES_DIR = resolve(__dirname, '..', 'templates');

/** Reads template files once and renders them with an event's data. */
@Injectable()
export class TemplateStore {
  private readonly cache = new Map<string, string>();

  render(name: TemplateName, data: TemplateData): RenderedEmail {
    return {
      subject: renderTemplate(this.file(name, 'subject.txt'), data).trim(),
      text: renderTemplate(this.file(name, 'body.txt'), data),
      html: renderTemplate(this.file(name, 'body.html'), data, escapeHtml),
    };
  }

  private file(name: TemplateName, part: string): string {
    const path = join(TEMPLATES_DIR, name, part);
    let content = this.cache.get(path);
    if (content === undefined) {
      content = readFileSync(path, 'utf8');
      this.cache.set(path, content);
    }
    return content;
  }
}
