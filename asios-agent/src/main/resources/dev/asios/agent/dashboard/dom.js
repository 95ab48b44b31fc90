// DOM helpers: an element builder (text only, never HTML) and the panel frame every view shares.

/**
 * Builds an element: el('td', {class: 'wrap', title: 'x'}, 'text', childElement).
 * Strings become text nodes, so data from the agent is never parsed as HTML.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null) continue;
    if (name === 'style') node.style.cssText = value;
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child == null) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** The value of a CSS custom property of the page, such as --muted. */
export function cssVariable(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** A colour chip for a legend. */
export function chip(colour) {
  return el('span', {class: 'chip', style: 'background:' + colour});
}

/**
 * One dashboard panel: a section with a title note, a reason shown while it has nothing to
 * draw, and a body shown once it is live. data-state is "loading", "live", "empty" (the data is
 * absent, the reason says why) or "error" (the agent refused, the reason says what it said).
 */
export class Panel {
  constructor(id) {
    this.element = document.getElementById(id);
    this.body = this.element.querySelector('.body');
    this.noteElement = this.element.querySelector('.note');
    this.reasonElement = this.element.querySelector('.reason');
  }

  /** Shows the body: the panel has drawn real data. */
  live() {
    this.element.dataset.state = 'live';
  }

  /** Hides the body and shows why there is nothing to draw. */
  empty(reason) {
    this.show('empty', reason);
  }

  /** Hides the body and shows what went wrong. */
  error(reason) {
    this.show('error', reason);
  }

  show(state, reason) {
    this.element.dataset.state = state;
    this.reasonElement.textContent = reason;
  }

  get isLive() {
    return this.element.dataset.state === 'live';
  }

  /** The short text after the title. */
  note(text) {
    this.noteElement.textContent = text || '';
  }

  /** The first element of the body that matches selector. */
  part(selector) {
    return this.body.querySelector(selector);
  }

  /** Replaces the children of the body part selector. */
  fill(selector, ...children) {
    this.part(selector).replaceChildren(...children.flat());
  }
}
