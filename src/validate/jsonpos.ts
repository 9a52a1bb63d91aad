/**
 * Line numbers of JSON values by JSON Pointer (RFC 6901), so JSON issues can point at a line
 * (GitHub annotations need one). One pass over the text for any number of pointers.
 */

/** Map pointer → 1-based line where the value starts (for object members: the line of the key). */
export function linesOfPointers(text: string, pointers: Iterable<string>): Map<string, number> {
  const wanted = new Set(pointers);
  const found = new Map<string, number>();
  if (wanted.size === 0) return found;
  let i = 0;
  let line = 1;
  const n = text.length;

  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) break;
      i++;
    }
  };
  const str = (): string => {
    // assumes text[i] === '"'
    i++;
    let out = '';
    let start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        if (e === 'u') {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : (e ?? '');
          i += 2;
        }
        start = i;
        continue;
      }
      if (c === 10) line++;
      i++;
    }
    return out;
  };
  const esc = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
  /** After `{` or `[`: true when the container is empty (its closing bracket consumed). */
  const opens = (close: string): boolean => {
    i++;
    ws();
    if (text[i] !== close) return false;
    i++;
    return true;
  };
  /** After a member or an element: true when a comma follows (consumed); else the closing bracket is consumed. */
  const more = (close: string): boolean => {
    ws();
    if (text[i] === ',') {
      i++;
      return true;
    }
    if (text[i] === close) i++;
    return false;
  };
  const value = (path: string, keyLine: number): void => {
    ws();
    if (wanted.has(path) && !found.has(path)) found.set(path, keyLine > 0 ? keyLine : line);
    const c = text[i];
    if (c === '{') {
      if (opens('}')) return;
      do {
        ws();
        if (text[i] !== '"') return;
        const kl = line;
        const key = str();
        ws();
        if (text[i] === ':') i++;
        value(`${path}/${esc(key)}`, kl);
      } while (i < n && more('}'));
    } else if (c === '[') {
      if (opens(']')) return;
      let k = 0;
      do value(`${path}/${k++}`, 0);
      while (i < n && more(']'));
    } else if (c === '"') {
      str();
    } else {
      while (i < n && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  value('', 0);
  return found;
}
