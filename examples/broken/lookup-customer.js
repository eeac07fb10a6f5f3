'use strict'
// A broken revision: it requires a package the manifest does not declare, and it exports
// no handler (the function is exported under another name).
const axios = require('axios')
const moment = require('moment')

function lookup(phone) {
  return axios.get('/customers', { params: { phone, since: moment().subtract(1, 'year') } })
}

module.exports = { lookup }
