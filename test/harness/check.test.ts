/** A check's ID as data (harness/check.ts): the tag runners select by, the annotation and registry results are read back from. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDetails, checkGrep, checkIdOfAnnotations, checkOfTest, checkTag, defineCheck, registerCheck, registeredCheck } from '../../harness/check.ts';

const check = (id: string, title = `${id} title`) => defineCheck({ id, title, statement: 's', source: 'src', evidence: ['requests'] });

describe('a check as data', () => {
  it('is selected by its tag, a whole word: @X-01 never selects @X-011 or @X-01-B', () => {
    const grep = new RegExp(checkGrep(['WEB-LOGOUT-01', 'WEB-JWT-REFRESH-01']), 'i');
    // Playwright matches a grep against the title path joined with the tags.
    assert.ok(grep.test(`web logout.spec.ts logout then reload ${checkTag('WEB-LOGOUT-01')}`));
    assert.ok(grep.test('web jwt-refresh.spec.ts every request @WEB-JWT-REFRESH-01'));
    assert.ok(!grep.test('web x.spec.ts WEB-LOGOUT-01 an ID in a title is no tag'));
    assert.ok(!grep.test('web x.spec.ts t @WEB-LOGOUT-011'));
    assert.ok(!grep.test('web x.spec.ts t @WEB-LOGOUT-01-B'));
  });

  it('is declared on a test as a tag and an annotation, and read back from the annotations', () => {
    const details = checkDetails(check('WEB-VISITOR-01'));
    assert.equal(details.tag, '@WEB-VISITOR-01');
    assert.equal(checkIdOfAnnotations(details.annotation), 'WEB-VISITOR-01');
    assert.equal(checkIdOfAnnotations([{ type: 'timing', description: 'TTL 300 s' }]), undefined);
  });

  it('is found by its ID and by the title of its test once registered, and two checks may not share either', () => {
    const one = check('REG-01');
    registerCheck(one, one.title);
    assert.equal(registeredCheck('REG-01'), one);
    assert.equal(checkOfTest('REG-01 title')?.id, 'REG-01');
    assert.equal(checkOfTest('an unregistered test'), undefined);
    assert.throws(() => registerCheck(check('REG-01', 'another title')), /two checks share the ID REG-01/);
    assert.throws(() => registerCheck(check('REG-02', 'REG-01 title'), 'REG-01 title'), /REG-01 and REG-02 both have a test titled/);
  });
});
