import { parseEntryDocument } from '../src/ledger/entry.ts';
const lol = 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [' + Array(10).fill('*a').join(',') + ']\nc: &c [' + Array(10).fill('*b').join(',') + ']\nd: &d [' + Array(10).fill('*c').join(',') + ']\n';
const t0 = performance.now();
try { console.log(JSON.stringify(parseEntryDocument('claims/abcdef123456.yml', 'id: abcdef123456\nverdict: unique\ntext: x\noutlets: [X]\nmentions: []\n' + lol.replace(/^/gm, '#'))).slice(0, 300)); } catch (e) { console.log('THROW', String(e)); }
try { console.log(JSON.stringify(parseEntryDocument('claims/abcdef123456.yml', 'id: abcdef123456\nverdict: unique\ntext: x\noutlets: [X]\nmentions: []\nreview:\n  note: *d\n  ' + lol.replace(/\n/g, '\n  '))).slice(0, 300)); } catch (e) { console.log('THROW', String(e)); }
const keys = Array.from({ length: 40000 }, (_, i) => `k${i}: 1`).join('\n');
const t = performance.now();
console.log(JSON.stringify(parseEntryDocument('claims/abcdef123456.yml', 'id: abcdef123456\n' + keys)).slice(0, 200), performance.now() - t);
