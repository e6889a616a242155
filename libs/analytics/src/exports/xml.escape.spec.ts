import { escapeXml, xmlAttributes } from './xml.escape';

describe('escapeXml', () => {
  it('escapes the five XML specials and keeps other text, ä and ö included', () => {
    expect(escapeXml(`<&>"' ä ö`)).toBe('&lt;&amp;&gt;&quot;&apos; ä ö');
  });

  it('writes tabs and line breaks as character references so attribute values keep them', () => {
    expect(escapeXml('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });

  it('drops characters XML 1.0 cannot carry, but keeps surrogate pairs', () => {
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uD800e🙂')).toBe('abcde🙂');
  });
});

describe('xmlAttributes', () => {
  it('writes present values in order and leaves out null and undefined', () => {
    expect(xmlAttributes([['id', 'x&y'], ['label', null], ['weight', 2], ['start', undefined], ['directed', false]])).toBe(
      ' id="x&amp;y" weight="2" directed="false"',
    );
  });
});
